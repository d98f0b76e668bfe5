"""Cut a tall full-page screenshot into screen-sized pieces for looking at: crop.py in.png 740"""
import sys

from PIL import Image

im = Image.open(sys.argv[1])
step = int(sys.argv[2]) if len(sys.argv) > 2 else 740
for i, top in enumerate(range(0, im.height, step)):
    im.crop((0, top, im.width, min(top + step, im.height))).save(f"{sys.argv[1][:-4]}-p{i}.png")
print((im.height + step - 1) // step)
