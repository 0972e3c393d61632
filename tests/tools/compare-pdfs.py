#!/usr/bin/env python3
# Compares two folders of PDFs with the same file names, as a reader would see them: each page rendered to an image
# at 110 dpi (pdftoppm) and compared pixel for pixel, the extracted text (pdftotext -layout), and the fonts embedded
# (pdffonts, without the random subset prefix). Used to check that a PDFsharp upgrade or downgrade renders the same
# documents: render the samples with NEEDLING_SAMPLES_DIR=<folder> before and after (README, "Licence").
# Usage: python3 tests/tools/compare-pdfs.py <before-folder> <after-folder>; exits 1 when anything differs.
import sys, subprocess, os, glob, tempfile
a, b = sys.argv[1], sys.argv[2]
def pages(pdf, d):
    subprocess.run(["pdftoppm", "-r", "110", pdf, os.path.join(d, "p")], check=True)
    return sorted(glob.glob(os.path.join(d, "p*.ppm")))
def text(pdf): return subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, check=True).stdout
def fonts(pdf): return [l.split()[0].split("+")[-1] + " " + " ".join(l.split()[-5:-2]) for l in subprocess.run(["pdffonts", pdf], capture_output=True, check=True, text=True).stdout.splitlines()[2:]]
allsame = True
for pa in sorted(glob.glob(os.path.join(a, "*.pdf"))):
    pb = os.path.join(b, os.path.basename(pa))
    with tempfile.TemporaryDirectory() as da, tempfile.TemporaryDirectory() as db:
        xa, xb = pages(pa, da), pages(pb, db)
        diffs = []
        for i, (fa, fb) in enumerate(zip(xa, xb)):
            ba, bb = open(fa, "rb").read(), open(fb, "rb").read()
            if ba != bb:
                n = sum(1 for x, y in zip(ba, bb) if x != y) if len(ba) == len(bb) else -1
                diffs.append((i + 1, n))
        same_text = text(pa) == text(pb)
        same_fonts = fonts(pa) == fonts(pb)
        ok = len(xa) == len(xb) and not diffs and same_text and same_fonts
        allsame &= ok
        print(f"{os.path.basename(pa)}: pages {len(xa)}/{len(xb)}, differing pages {diffs or 'none'}, text {'identical' if same_text else 'DIFFERS'}, fonts {'identical' if same_fonts else 'DIFFER'}")
print("ALL IDENTICAL" if allsame else "SOME DIFFER")
sys.exit(0 if allsame else 1)
