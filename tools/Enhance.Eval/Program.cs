// enhance-eval: prints picture-quality figures on real photographs. Each effect adds a sub-command.
return Enhance.Eval.EvalCommands.Run(args);
