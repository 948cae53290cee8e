# Resource object code (Python 3)
# Created by: object code
# Created by: The Resource Compiler for Qt version 6.11.3
# WARNING! All changes made in this file will be lost!

from PySide6 import QtCore

qt_resource_data = b"\
\x00\x00\x056\
/\
* Calm surfaces:\
 the palette car\
ries the colours\
; this only sets\
 rhythm and focu\
s. */\x0aQWidget:fo\
cus { outline: n\
one; }\x0a/* Spin b\
oxes, combo boxe\
s and date field\
s keep Fusion's \
own frame and fo\
cus ring: a\x0a   s\
tyle-sheet borde\
r there would re\
draw their arrow\
 buttons out of \
shape. */\x0aQLineE\
dit {\x0a    paddin\
g: 3px 5px;\x0a}\x0a/*\
 Lists, tables a\
nd trees draw th\
eir focus ring i\
n gui/common/foc\
us_ring.py: any \
box\x0a   rule on a\
n item view make\
s each of its ce\
lls paint throug\
h the style shee\
t, ~10x\x0a   slowe\
r. */\x0aQLineEdit:\
focus, QPlainTex\
tEdit:focus, QTe\
xtEdit:focus {\x0a \
   border: 2px s\
olid palette(hig\
hlight);\x0a    bor\
der-radius: 3px;\
\x0a}\x0aQLabel[role=\x22\
error\x22] { color:\
 palette(link-vi\
sited); font-wei\
ght: 600; }\x0aQLab\
el[role=\x22hint\x22] \
{ color: palette\
(placeholder-tex\
t); }\x0aQLabel[rol\
e=\x22title\x22] { fon\
t-size: 15pt; fo\
nt-weight: 600; \
}\x0aQLabel[role=\x22d\
emo\x22] {\x0a    back\
ground: #e69f00;\
 color: #000000;\
 padding: 2px 8p\
x; border-radius\
: 8px; font-weig\
ht: 600;\x0a}\x0aQFram\
e[role=\x22card\x22] {\
 border: 1px sol\
id palette(mid);\
 border-radius: \
8px; }\x0a/* The ma\
in window lays i\
ts toolbar and c\
entral widget ou\
t again whenever\
 a page's\x0a   siz\
e changes (every\
 client switch);\
 with an animati\
on duration set,\
 each time made,\
\x0a   ran and dele\
ted one geometry\
 animation per i\
tem, to move not\
hing (~0.2 ms). \
*/\x0aQToolBar, QWi\
dget#centralWidg\
et { widget-anim\
ation-duration: \
0; }\x0a\
\x00\x00\x01\x0c\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#6b7785\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
rect x=\x225\x22 y=\x2211\
\x22 width=\x2214\x22 hei\
ght=\x2210\x22 rx=\x222\x22/\
><path d=\x22M8 11V\
8a4 4 0 0 1 8 0v\
3\x22/></svg>\x0a\
\x00\x00\x00\xdc\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#6b7785\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M6 21V4M\
6 4h11l-2 4 2 4H\
6\x22/></svg>\x0a\
\x00\x00\x01\x13\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#6b7785\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
circle cx=\x2212\x22 c\
y=\x2212\x22 r=\x229\x22/><p\
ath d=\x22M9.5 9a2.\
5 2.5 0 0 1 5 0c\
0 2-2.5 2-2.5 4M\
12 17v.5\x22/></svg\
>\x0a\
\x00\x00\x00\xd0\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#6b7785\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M12 5l8 \
14H4z\x22/></svg>\x0a\
\x00\x00\x019\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#6b7785\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
circle cx=\x2212\x22 c\
y=\x2212\x22 r=\x223\x22/><p\
ath d=\x22M12 2v3M1\
2 19v3M2 12h3M19\
 12h3M4.9 4.9l2.\
1 2.1M17 17l2.1 \
2.1M4.9 19.1L7 1\
7M17 7l2.1-2.1\x22/\
></svg>\x0a\
\x00\x00\x00\xda\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#6b7785\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M4 20h4L\
19 9l-4-4L4 16z\x22\
/></svg>\x0a\
\x00\x00\x00\xe5\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#6b7785\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M4 7h16M\
9 7V4h6v3M6 7l1 \
13h10l1-13\x22/></s\
vg>\x0a\
\x00\x00\x00\xd6\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#6b7785\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
circle cx=\x2212\x22 c\
y=\x2212\x22 r=\x227\x22/></\
svg>\x0a\
\x00\x00\x00\xed\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#6b7785\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M12 4l9 \
16H3z\x22/><path d=\
\x22M12 10v4M12 17v\
.5\x22/></svg>\x0a\
\x00\x00\x01\x0e\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#6b7785\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M2 12s4-\
7 10-7 10 7 10 7\
-4 7-10 7S2 12 2\
 12z\x22/><circle c\
x=\x2212\x22 cy=\x2212\x22 r\
=\x223\x22/></svg>\x0a\
\x00\x00\x01\x05\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#6b7785\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M2 12s4-\
7 10-7 10 7 10 7\
-4 7-10 7S2 12 2\
 12z\x22/><path d=\x22\
M4 4l16 16\x22/></s\
vg>\x0a\
\x00\x00\x00\xd3\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#6b7785\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M12 5v14\
M5 12h14\x22/></svg\
>\x0a\
\x00\x00\x00\xf1\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#6b7785\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
circle cx=\x2211\x22 c\
y=\x2211\x22 r=\x226\x22/><p\
ath d=\x22M20 20l-4\
.5-4.5\x22/></svg>\x0a\
\
\x00\x00\x01A\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 64 64\x22 width\
=\x2264\x22 height=\x2264\
\x22>\x0a  <rect x=\x222\x22\
 y=\x222\x22 width=\x2260\
\x22 height=\x2260\x22 rx\
=\x2214\x22 fill=\x22#2f5\
d8a\x22/>\x0a  <circle\
 cx=\x2225\x22 cy=\x2232\x22\
 r=\x2213\x22 fill=\x22no\
ne\x22 stroke=\x22#fff\
fff\x22 stroke-widt\
h=\x224\x22/>\x0a  <circl\
e cx=\x2239\x22 cy=\x2232\
\x22 r=\x2213\x22 fill=\x22n\
one\x22 stroke=\x22#e8\
b04a\x22 stroke-wid\
th=\x224\x22/>\x0a</svg>\x0a\
\
\x00\x00\x01\x0c\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#6b7785\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
rect x=\x225\x22 y=\x2211\
\x22 width=\x2214\x22 hei\
ght=\x2210\x22 rx=\x222\x22/\
><path d=\x22M8 11V\
8a4 4 0 0 1 7.5-\
2\x22/></svg>\x0a\
\x00\x00\x00\xf6\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#6b7785\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M5 4h11l\
3 3v13H5z\x22/><pat\
h d=\x22M8 4v5h7V4M\
8 20v-6h8v6\x22/></\
svg>\x0a\
"

qt_resource_name = b"\
\x00\x05\
\x00o\xa6S\
\x00i\
\x00c\x00o\x00n\x00s\
\x00\x09\
\x00(\xad#\
\x00s\
\x00t\x00y\x00l\x00e\x00.\x00q\x00s\x00s\
\x00\x08\
\x05\x9eT\xa7\
\x00l\
\x00o\x00c\x00k\x00.\x00s\x00v\x00g\
\x00\x08\
\x02zWg\
\x00f\
\x00l\x00a\x00g\x00.\x00s\x00v\x00g\
\x00\x08\
\x0c3W\x07\
\x00h\
\x00e\x00l\x00p\x00.\x00s\x00v\x00g\
\x00\x19\
\x05\x0f{G\
\x00r\
\x00u\x00p\x00t\x00u\x00r\x00e\x00-\x00c\x00o\x00n\x00f\x00r\x00o\x00n\x00t\x00a\
\x00t\x00i\x00o\x00n\x00.\x00s\x00v\x00g\
\x00\x0c\
\x0b\xdf,\xc7\
\x00s\
\x00e\x00t\x00t\x00i\x00n\x00g\x00s\x00.\x00s\x00v\x00g\
\x00\x08\
\x0b\x07W\xa7\
\x00e\
\x00d\x00i\x00t\x00.\x00s\x00v\x00g\
\x00\x09\
\x08\x9b\xad\xc7\
\x00t\
\x00r\x00a\x00s\x00h\x00.\x00s\x00v\x00g\
\x00\x16\
\x03?\xda\x87\
\x00r\
\x00u\x00p\x00t\x00u\x00r\x00e\x00-\x00w\x00i\x00t\x00h\x00d\x00r\x00a\x00w\x00a\
\x00l\x00.\x00s\x00v\x00g\
\x00\x09\
\x0c\x97\x8a\x87\
\x00a\
\x00l\x00e\x00r\x00t\x00.\x00s\x00v\x00g\
\x00\x07\
\x0c\xf8Z\x07\
\x00e\
\x00y\x00e\x00.\x00s\x00v\x00g\
\x00\x0b\
\x05\x10\xaaG\
\x00e\
\x00y\x00e\x00-\x00o\x00f\x00f\x00.\x00s\x00v\x00g\
\x00\x07\
\x07\xa7Z\x07\
\x00a\
\x00d\x00d\x00.\x00s\x00v\x00g\
\x00\x0a\
\x08\x94m\xc7\
\x00s\
\x00e\x00a\x00r\x00c\x00h\x00.\x00s\x00v\x00g\
\x00\x0c\
\x09\x92\x05\xc7\
\x00a\
\x00l\x00l\x00i\x00a\x00n\x00c\x00e\x00.\x00s\x00v\x00g\
\x00\x0a\
\x05\x95\xd0\xa7\
\x00u\
\x00n\x00l\x00o\x00c\x00k\x00.\x00s\x00v\x00g\
\x00\x08\
\x08\xc8U\xe7\
\x00s\
\x00a\x00v\x00e\x00.\x00s\x00v\x00g\
"

qt_resource_struct = b"\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x02\x00\x00\x00\x01\
\x00\x00\x00\x10\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x10\x00\x00\x00\x03\
\x00\x00\x00>\x00\x00\x00\x00\x00\x01\x00\x00\x06J\
\x00\x00\x00\xee\x00\x00\x00\x00\x00\x01\x00\x00\x0c\x19\
\x00\x00\x00j\x00\x00\x00\x00\x00\x01\x00\x00\x08A\
\x00\x00\x01L\x00\x00\x00\x00\x00\x01\x00\x00\x0e\xf6\
\x00\x00\x01\xb4\x00\x00\x00\x00\x00\x01\x00\x00\x13\x10\
\x00\x00\x00(\x00\x00\x00\x00\x00\x01\x00\x00\x05:\
\x00\x00\x01h\x00\x00\x00\x00\x00\x01\x00\x00\x0f\xff\
\x00\x00\x01|\x00\x00\x00\x00\x00\x01\x00\x00\x10\xd6\
\x00\x00\x00\xd6\x00\x00\x00\x00\x00\x01\x00\x00\x0b0\
\x00\x00\x01\xce\x00\x00\x00\x00\x00\x01\x00\x00\x14 \
\x00\x00\x01\x96\x00\x00\x00\x00\x00\x01\x00\x00\x11\xcb\
\x00\x00\x00\xc0\x00\x00\x00\x00\x00\x01\x00\x00\x0aR\
\x00\x00\x00\xa2\x00\x00\x00\x00\x00\x01\x00\x00\x09\x15\
\x00\x00\x00T\x00\x00\x00\x00\x00\x01\x00\x00\x07*\
\x00\x00\x01 \x00\x00\x00\x00\x00\x01\x00\x00\x0c\xf3\
\x00\x00\x018\x00\x00\x00\x00\x00\x01\x00\x00\x0d\xe4\
"

def qInitResources():
    QtCore.qRegisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

def qCleanupResources():
    QtCore.qUnregisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

qInitResources()
