#!/usr/bin/env bash
# Fetches the real photographs and anime frames the tests, evals, benchmarks and the demo use, from
# Debian packages with free licences, into .testdata/ (not tracked). No root needed: the packages
# are downloaded and unpacked, not installed. Safe to run again: it skips what is already there.
#   photos/  python3-skimage data (BSD-3; photographs: astronaut, chelsea, coffee, ...)
#            mate-backgrounds nature photos (GPL-2+/CC)
#   anime/   renpy-demo scenes (MIT-style, Ren'Py demo art)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="${ENHANCE_TESTDATA:-$root/.testdata}"
mkdir -p "$dest/photos" "$dest/anime"
stamp="$dest/.complete-v1"
[ -f "$stamp" ] && exit 0

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
if ! apt-get download python3-skimage mate-backgrounds renpy-demo >/dev/null 2>apt.err; then
  apt-get update -qq >/dev/null 2>&1 || true
  apt-get download python3-skimage mate-backgrounds renpy-demo >/dev/null
fi
for deb in *.deb; do dpkg-deb -x "$deb" unpacked; done

sk=unpacked/usr/lib/python3/dist-packages/skimage/data
for name in astronaut chelsea coffee brick grass gravel rocket motorcycle_left; do
  for ext in png jpg; do [ -f "$sk/$name.$ext" ] && cp "$sk/$name.$ext" "$dest/photos/"; done
done
mate=unpacked/usr/share/backgrounds/mate/nature
for name in Garden GreenMeadow LadyBird YellowFlower Wood Storm; do
  cp "$mate/$name.jpg" "$dest/photos/"
done
# Ren'Py demo: the scene backgrounds (anime-style art) shipped with the demo game.
find unpacked/usr/share/games/renpy -type f \( -name '*.jpg' -o -name '*.png' \) -size +150k \
  | sort | head -12 | while read -r f; do cp "$f" "$dest/anime/$(basename "$f" | tr " " "_")"; done
touch "$stamp"
echo "test data in $dest: $(ls "$dest/photos" | wc -l) photos, $(ls "$dest/anime" | wc -l) anime frames"
