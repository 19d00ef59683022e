"""Draws the web app's icons once; the PNGs are committed under static/img/app/ (decision 0046).

Run from the repository root: `.venv/bin/python platform/app_icons.py`.
"""

from PIL import Image, ImageDraw

ACCENT = (11, 79, 138)
WHITE = (255, 255, 255)


def pin(draw, cx, cy, r):
    # A map pin: a circle with a point below, and a hole.
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=WHITE)
    draw.polygon(
        [(cx - r * 0.87, cy + r * 0.5), (cx + r * 0.87, cy + r * 0.5), (cx, cy + r * 2.1)],
        fill=WHITE,
    )
    h = r * 0.42
    draw.ellipse((cx - h, cy - h, cx + h, cy + h), fill=ACCENT)


def icon(size, maskable):
    scale = 4
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0) if not maskable else (*ACCENT, 255))
    draw = ImageDraw.Draw(image)
    if not maskable:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 0.18, fill=ACCENT)
        r = big * 0.2
    else:
        r = big * 0.15  # inside the maskable safe zone (the middle 80 % circle)
    pin(draw, big / 2, big / 2 - r * 0.55, r)
    return image.resize((size, size), Image.LANCZOS)


for size in (192, 512):
    icon(size, False).save(f"static/img/app/icon-{size}.png", optimize=True)
icon(512, True).save("static/img/app/icon-maskable-512.png", optimize=True)
icon(192, True).save("static/img/app/icon-maskable-192.png", optimize=True)
