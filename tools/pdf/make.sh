#!/usr/bin/env bash
# Remakes the PDFs that pubgen's attachment search is tested and shown
# with, from the HTML beside this script, with Chromium's print-to-PDF: a
# standard tool that embeds subset fonts (Type0/Identity-H and, for
# synthesized bold, Type3, each with a ToUnicode CMap), like most PDFs
# people upload. The text needs a Chinese font: Debian's
# fonts-wqy-microhei (apt-get install chromium fonts-wqy-microhei).
set -euo pipefail
cd "$(dirname "$0")"
root=../..
fc-list :lang=zh | grep -q 'WenQuanYi Micro Hei' || { echo "make.sh: install fonts-wqy-microhei first" >&2; exit 1; }
render() { # html pdf
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$2" "file://$PWD/$1" 2>/dev/null
  echo "$2: $(wc -c <"$2") bytes"
}
render fazhan-dangyuan-liucheng.html "$root/content/study/zhibu-shiwu-2-fazhan-dangyuan/fazhan-dangyuan-liucheng.pdf"
render zh-test.html "$root/internal/attach/testdata/zh-chromium.pdf"
