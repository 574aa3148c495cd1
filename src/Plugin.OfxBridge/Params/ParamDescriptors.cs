namespace Enhance.Plugin.OfxBridge.Params;

// Fluent wrappers over a parameter descriptor's property set, in the manner of the OFX Support
// library's OFX::ParamDescriptor family. Each setter writes one OFX property and returns the
// descriptor so a definition reads as one statement.

public abstract class ParamDescriptor<TSelf> where TSelf : ParamDescriptor<TSelf>
{
    protected ParamDescriptor(PropertySet properties) => Properties = properties;

    public PropertySet Properties { get; }

    private TSelf Self => (TSelf)this;

    public TSelf Label(string label)
    {
        Properties.SetString(OfxNames.PropLabel, label);
        return Self;
    }

    public TSelf Hint(string hint)
    {
        Properties.SetString(OfxNames.ParamPropHint, hint);
        return Self;
    }

    /// <summary>Puts the parameter in a group (by the group's name).</summary>
    public TSelf Parent(string groupName)
    {
        Properties.SetString(OfxNames.ParamPropParent, groupName);
        return Self;
    }

    public TSelf Animates(bool animates)
    {
        Properties.SetInt(OfxNames.ParamPropAnimates, animates ? 1 : 0);
        return Self;
    }

    public TSelf Enabled(bool enabled)
    {
        Properties.SetInt(OfxNames.ParamPropEnabled, enabled ? 1 : 0);
        return Self;
    }

    public TSelf Secret(bool secret)
    {
        Properties.SetInt(OfxNames.ParamPropSecret, secret ? 1 : 0);
        return Self;
    }
}

public sealed class DoubleParamDescriptor(PropertySet properties) : ParamDescriptor<DoubleParamDescriptor>(properties)
{
    public DoubleParamDescriptor Default(double value)
    {
        Properties.SetDouble(OfxNames.ParamPropDefault, value);
        return this;
    }

    /// <summary>Sets the hard range and the slider range. Resolve clamps to the display range if only one is given.</summary>
    public DoubleParamDescriptor Range(double min, double max, double displayMin, double displayMax)
    {
        Properties.SetDouble(OfxNames.ParamPropMin, min);
        Properties.SetDouble(OfxNames.ParamPropMax, max);
        Properties.SetDouble(OfxNames.ParamPropDisplayMin, displayMin);
        Properties.SetDouble(OfxNames.ParamPropDisplayMax, displayMax);
        return this;
    }

    public DoubleParamDescriptor Increment(double step, int digits)
    {
        Properties.SetDouble(OfxNames.ParamPropIncrement, step);
        Properties.SetInt(OfxNames.ParamPropDigits, digits);
        return this;
    }

    /// <summary>Scale-type doubles are shown as multipliers by some hosts.</summary>
    public DoubleParamDescriptor DoubleType(string doubleType)
    {
        Properties.SetString(OfxNames.ParamPropDoubleType, doubleType);
        return this;
    }
}

public sealed class IntParamDescriptor(PropertySet properties) : ParamDescriptor<IntParamDescriptor>(properties)
{
    public IntParamDescriptor Default(int value)
    {
        Properties.SetInt(OfxNames.ParamPropDefault, value);
        return this;
    }

    public IntParamDescriptor Range(int min, int max, int displayMin, int displayMax)
    {
        Properties.SetInt(OfxNames.ParamPropMin, min);
        Properties.SetInt(OfxNames.ParamPropMax, max);
        Properties.SetInt(OfxNames.ParamPropDisplayMin, displayMin);
        Properties.SetInt(OfxNames.ParamPropDisplayMax, displayMax);
        return this;
    }
}

public sealed class BooleanParamDescriptor(PropertySet properties) : ParamDescriptor<BooleanParamDescriptor>(properties)
{
    public BooleanParamDescriptor Default(bool value)
    {
        Properties.SetInt(OfxNames.ParamPropDefault, value ? 1 : 0);
        return this;
    }
}

public sealed class ChoiceParamDescriptor(PropertySet properties) : ParamDescriptor<ChoiceParamDescriptor>(properties)
{
    /// <summary>The options in order; the value of the parameter is the index of the chosen one.</summary>
    public ChoiceParamDescriptor Options(params string[] labels)
    {
        Properties.SetStrings(OfxNames.ParamPropChoiceOption, labels);
        return this;
    }

    public ChoiceParamDescriptor Default(int index)
    {
        Properties.SetInt(OfxNames.ParamPropDefault, index);
        return this;
    }
}

public sealed class StringParamDescriptor(PropertySet properties) : ParamDescriptor<StringParamDescriptor>(properties)
{
    public StringParamDescriptor Default(string value)
    {
        Properties.SetString(OfxNames.ParamPropDefault, value);
        return this;
    }

    /// <summary>A path to an existing file, shown by hosts with a file browser.</summary>
    public StringParamDescriptor FilePath()
    {
        Properties.SetString(OfxNames.ParamPropStringMode, OfxNames.ParamStringIsFilePath);
        Properties.TrySetInt(OfxNames.ParamPropStringFilePathExists, 1);
        return this;
    }
}

public sealed class GroupParamDescriptor(PropertySet properties) : ParamDescriptor<GroupParamDescriptor>(properties)
{
    public GroupParamDescriptor Open(bool open)
    {
        Properties.TrySetInt(OfxNames.ParamPropGroupOpen, open ? 1 : 0);
        return this;
    }
}

public sealed class PageParamDescriptor(PropertySet properties) : ParamDescriptor<PageParamDescriptor>(properties)
{
    public PageParamDescriptor Children(params string[] names)
    {
        Properties.SetStrings(OfxNames.ParamPropPageChild, names);
        return this;
    }
}
