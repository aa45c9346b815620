#!/usr/bin/env python3
"""Generate the encoding test pages of tests/test_input.c.

Each case becomes NAME.html (the page bytes) and NAME.expected.txt (UTF-8
lines the decoded page must contain), and one line of MANIFEST:

    NAME <TAB> hint <TAB> encoding <TAB> source

`hint` is the charset label the test passes as the caller's hint ("-" for
none); `encoding` and `source` are what pi_input_decode must report.

The paragraphs are written for these tests. Run from anywhere:
    python3 tests/data/encodings/make.py
"""
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

# lang, title, paragraph
TEXT = {
    "fr": ("Le marché rouvre ses portes",
           "Le marché du village a rouvert samedi matin. Les habitants, ravis, "
           "ont acheté des pêches, du fromage et des crêpes « maison » pour "
           "5 € à peine – une réussite, d’après le maire, qui parle déjà "
           "d’une “fête de l’été” en août."),
    "de": ("Neue Brücke über die Saale",
           "Nach zwei Jahren Bauzeit ist die Fußgängerbrücke über die Saale "
           "fertig. Bürgerinnen und Bürger können ab Montag trockenen Fußes "
           "zum Großmarkt gehen; die Kosten lagen bei 3,2 Mio. € – "
           "„deutlich günstiger als geplant“, sagt die Stadt."),
    "pl": ("Żółta łódź na jeziorze",
           "Żółta łódź płynęła powoli po jeziorze, a rybacy z Gdańska cieszyli "
           "się, że pogoda w końcu się poprawiła. Wieczorem na brzegu "
           "rozpalono ognisko i śpiewano piosenki aż do północy."),
    "cs": ("Nová knihovna v Brně",
           "Městská knihovna v Brně otevřela novou pobočku. Čtenáři si mohou "
           "půjčit knihy, časopisy i deskové hry; děti mají vlastní koutek "
           "s polštáři a žlutými křesílky."),
    "ru": ("Новая библиотека на Волге",
           "В небольшом городе на Волге открылась новая библиотека. Читатели "
           "говорят, что здание стало настоящим центром жизни района: здесь "
           "проходят лекции, концерты и занятия для детей — «всё, о чём мы "
           "мечтали», признаётся директор. Ёлка у входа стоит с декабря."),
    "ru2": ("Гроза над озером",
            "Вчера вечером над озером прошла сильная гроза, но к утру небо "
            "прояснилось, и рыбаки снова вышли на лодках. По словам старожилов, "
            "такой улов бывает раз в десять лет."),
    "uk": ("Ґанок старої школи",
           "У селі відремонтували ґанок старої школи. Учні й учителі "
           "зібралися біля входу, щоб подякувати майстрам, які працювали "
           "всю осінь без вихідних."),
    "ja": ("古い地図の発見",
           "昨日、京都の小さな書店で古い地図が見つかりました。店主によると、"
           "江戸時代のものだそうです。地図には①寺町通りや②三条大橋が細かく"
           "描かれており、㈱髙橋印刷が複製を作る予定です。"),
    "ja2": ("牧場の春",
            "北海道の牧場では、春になると子牛がたくさん生まれます。見学に来た"
            "子どもたちは、生まれたばかりの子牛を見て大喜びでした。"),
    "ja3": ("駅前の花壇",
            "駅前の花壇に、地元の高校生がチューリップを植えました。"),
    "zh": ("小镇苹果丰收",
           "今年秋天，这个小镇的苹果获得了丰收。农民们说，天气好是最重要的"
           "原因。村里的老人王喆笑着说，他种了四十年苹果，从没见过这么甜的。"),
    "zh18030": ("春节拜年",
                "春节期间，许多家庭会一起包饺子、看晚会。住在𠮷祥路的朋友也来"
                "拜年，带来了一盒点心和一束花。"),
    "zhtw": ("台北夜市",
             "台北的夜市每天晚上都很熱鬧，遊客可以品嚐各種小吃，例如蚵仔煎和"
             "珍珠奶茶。許多攤販已經在這裡工作了三十多年。"),
    "ko": ("작은 카페의 음악회",
           "서울의 한 작은 카페에서 열린 음악회에 많은 사람들이 모였습니다. "
           "관객들은 따뜻한 박수를 보냈고, 주인은 똠양꿍 수프를 대접했습니다."),
    "el": ("Η βιβλιοθήκη ξανά ανοιχτή",
           "Η βιβλιοθήκη του χωριού άνοιξε ξανά μετά από δύο χρόνια. Οι "
           "κάτοικοι έφεραν βιβλία από τα σπίτια τους και τα παιδιά "
           "ζωγράφισαν τους τοίχους."),
    "ar": ("سوق الكتب",
           "افتتح سوق الكتب في المدينة القديمة صباح اليوم، وحضر عدد كبير من "
           "الطلاب والأساتذة لشراء الكتب المستعملة بأسعار مناسبة."),
    "he": ("גשם ראשון",
           "הגשם הראשון של העונה ירד הלילה בצפון הארץ. החקלאים שמחו, "
           "והילדים יצאו לשחק בשלוליות."),
    "th": ("ตลาดน้ำ",
           "ตลาดน้ำในจังหวัดราชบุรีเปิดให้บริการทุกเช้า "
           "นักท่องเที่ยวสามารถซื้อผลไม้และอาหารจากเรือได้"),
    "tr": ("Kış geldi",
           "Erzurum'da kış erken geldi; şehir sabah karla kaplandı. Çocuklar "
           "okul yolunda kartopu oynadı, esnaf ise dükkânların önünü temizledi."),
    "ro": ("Calculatoare noi la școală",
           "Școala din satul nostru a primit calculatoare noi. Învățătorii "
           "spun că elevii învață acum mai ușor, iar părinții sunt mulțumiți."),
    "pt": ("Feira de ciências",
           "A feira de ciências da escola reuniu projetos sobre água, energia "
           "solar e reciclagem. Os alunos explicaram as experiências com "
           "entusiasmo, e a diretora já prometeu uma nova edição."),
    "es": ("La biblioteca del barrio",
           "La biblioteca del barrio amplió su horario: ahora abre también los "
           "sábados por la mañana. «Es una gran noticia», dijo una vecina, que "
           "acude allí con sus niños desde hace años. ¿Quién lo diría?"),
    "vi": ("Mùa lúa chín",
           "Tháng chín, những cánh đồng ở Tây Bắc vào mùa lúa chín. Du khách "
           "khắp nơi đổ về để ngắm ruộng bậc thang vàng óng."),
    "mixed": ("Grüße aus aller Welt — 世界",
              "Привет, Καλημέρα, こんにちは, 안녕하세요, مرحبا, שלום — und "
              "ein Emoji: 📚 sowie 👩‍💻 mit Verbinder; persisch: می‌خواهم."),
}


def page(lang, meta, body_lang=None, pad=0):
    title, para = TEXT[lang]
    head = "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n" % (body_lang or lang[:2])
    head += meta
    head += "<title>%s</title>\n</head>\n<body>\n" % title
    filler = ""
    if pad:
        # A comment long enough to push what follows past the prescan window.
        filler = "<!-- " + ("padding " * (pad // 8)) + "-->\n"
    return head, filler, title, para


def build(lang, meta, pad=0, meta_after=None):
    head, filler, title, para = page(lang, meta, pad=pad)
    doc = head
    if meta_after is not None:
        # Layout for "meta beyond the prescan window": head padding first.
        doc = doc.replace("<title>", filler + meta_after + "<title>")
    doc += "<article>\n<h1>%s</h1>\n<p>%s</p>\n</article>\n</body>\n</html>\n" % (
        title, para)
    return doc, title, para


CASES = []


def case(name, lang, codec, meta="", hint="-", encoding="", source="",
         bom=b"", pad=0, meta_after=None, expect=None):
    CASES.append((name, lang, codec, meta, hint, encoding, source, bom, pad,
                  meta_after, expect))


M = '<meta charset="%s">\n'
HE = '<meta http-equiv="Content-Type" content="text/html; charset=%s">\n'

# Declared correctly, one per legacy family.
case("windows-1252", "fr", "cp1252", M % "windows-1252", encoding="windows-1252", source="meta")
case("iso-8859-1-label", "de", "cp1252", HE % "ISO-8859-1", encoding="windows-1252", source="meta")
case("iso-8859-2", "pl", "iso8859_2", M % "iso-8859-2", encoding="ISO-8859-2", source="meta")
case("windows-1250", "cs", "cp1250", HE % "windows-1250", encoding="windows-1250", source="meta")
case("windows-1251", "ru", "cp1251", M % "windows-1251", encoding="windows-1251", source="meta")
case("koi8-r", "ru2", "koi8_r", M % "koi8-r", encoding="KOI8-R", source="meta")
case("koi8-u", "uk", "koi8_u", M % "koi8-u", encoding="KOI8-U", source="meta")
case("shift_jis", "ja", "cp932", M % "shift_jis", encoding="Shift_JIS", source="meta")
case("x-sjis", "ja3", "cp932", HE % "x-sjis", encoding="Shift_JIS", source="meta")
case("euc-jp", "ja2", "euc_jp", M % "euc-jp", encoding="EUC-JP", source="meta")
case("iso-2022-jp", "ja3", "iso2022_jp", M % "iso-2022-jp", encoding="ISO-2022-JP", source="meta")
case("gbk", "zh", "gbk", M % "gbk", encoding="GBK", source="meta")
case("gb2312-label", "zh", "gbk", HE % "gb2312", encoding="GBK", source="meta")
case("gb18030", "zh18030", "gb18030", M % "gb18030", encoding="GB18030", source="meta")
case("big5", "zhtw", "big5", M % "big5", encoding="Big5", source="meta")
case("euc-kr", "ko", "cp949", M % "euc-kr", encoding="EUC-KR", source="meta")
case("iso-8859-7", "el", "iso8859_7", M % "iso-8859-7", encoding="ISO-8859-7", source="meta")
case("windows-1256", "ar", "cp1256", M % "windows-1256", encoding="windows-1256", source="meta")
case("windows-1255", "he", "cp1255", M % "windows-1255", encoding="windows-1255", source="meta")
case("tis-620", "th", "cp874", M % "tis-620", encoding="windows-874", source="meta")
case("iso-8859-9-label", "tr", "cp1254", M % "iso-8859-9", encoding="windows-1254", source="meta")
case("iso-8859-16", "ro", "iso8859_16", M % "iso-8859-16", encoding="ISO-8859-16", source="meta")

# Unicode with and without a byte-order mark.
case("utf-16le-bom", "el", "utf-16-le", bom=b"\xff\xfe", encoding="UTF-16LE", source="bom")
case("utf-16be-bom", "mixed", "utf-16-be", bom=b"\xfe\xff", encoding="UTF-16BE", source="bom")
case("utf-16le-bom-meta-utf8", "ar", "utf-16-le", M % "utf-8", bom=b"\xff\xfe",
     encoding="UTF-16LE", source="bom")
case("utf-8-bom", "vi", "utf-8", bom=b"\xef\xbb\xbf", encoding="UTF-8", source="bom")
case("utf-8-bom-meta-1252", "pt", "utf-8", M % "windows-1252", bom=b"\xef\xbb\xbf",
     encoding="UTF-8", source="bom")
case("utf-8-meta", "mixed", "utf-8", M % "utf-8", encoding="UTF-8", source="meta")
case("utf-8-undeclared", "mixed", "utf-8", encoding="UTF-8", source="utf-8")
case("utf-8-meta-utf16", "ko", "utf-8", M % "utf-16", encoding="UTF-8", source="meta")

# The caller's hint: a bare label, a Content-Type value, hint beats meta.
case("hint-koi8r", "ru2", "koi8_r", hint="koi8-r", encoding="KOI8-R", source="hint")
case("hint-content-type", "ja2", "euc_jp", hint="text/html; charset=EUC-JP",
     encoding="EUC-JP", source="hint")
case("hint-beats-meta", "pl", "iso8859_2", M % "windows-1252", hint="ISO-8859-2",
     encoding="ISO-8859-2", source="hint")
case("hint-unknown-meta", "ru", "cp1251", M % "windows-1251", hint="x-no-such-charset",
     encoding="windows-1251", source="meta")

# Declared wrongly: the bytes win.
case("wrong-meta-1252-bytes-utf8", "pt", "utf-8", M % "windows-1252",
     encoding="UTF-8", source="utf-8")
case("wrong-meta-gb2312-bytes-utf8", "zh", "utf-8", M % "gb2312",
     encoding="UTF-8", source="utf-8")
case("wrong-hint-latin1-bytes-utf8", "es", "utf-8", hint="iso-8859-1",
     encoding="UTF-8", source="utf-8")
case("wrong-meta-utf8-bytes-1252", "es", "cp1252", M % "utf-8",
     encoding="windows-1252", source="detector")
case("wrong-meta-utf8-bytes-sjis", "ja2", "cp932", M % "utf-8",
     encoding="Shift_JIS", source="detector")
case("wrong-meta-eucjp-bytes-sjis", "ja2", "cp932", M % "euc-jp",
     encoding="Shift_JIS", source="detector")
case("wrong-meta-sjis-bytes-gbk", "zh", "gbk", M % "shift_jis",
     encoding="GB18030", source="detector")

# Undeclared legacy pages: the detector, or windows-1252.
case("undeclared-1252", "de", "cp1252", encoding="windows-1252", source="detector")
case("undeclared-1251", "ru", "cp1251", encoding="windows-1251", source="detector")
case("undeclared-sjis", "ja2", "cp932", encoding="Shift_JIS", source="detector")
case("undeclared-euc-jp", "ja2", "euc_jp", encoding="EUC-JP", source="detector")
case("undeclared-gb18030", "zh", "gb18030", encoding="GB18030", source="detector")
case("undeclared-euc-kr", "ko", "cp949", encoding="EUC-KR", source="detector")

# Prescan: a meta after a comment, with single quotes, unquoted, and one past
# the prescan window (ignored: the detector decides).
case("prescan-after-comment", "ru", "cp1251",
     "<!-- <meta charset=\"koi8-r\"> -->\n<meta charset='windows-1251'>\n",
     encoding="windows-1251", source="meta")
case("prescan-unquoted", "pl", "iso8859_2",
     "<meta http-equiv=content-type content=text/html;charset=ISO-8859-2>\n",
     encoding="ISO-8859-2", source="meta")
case("prescan-late-meta", "pl", "iso8859_2", "", pad=5000,
     meta_after=M % "iso-8859-2", encoding="ISO-8859-2", source="detector")


RAW = []


def raw_case(name, codec, byte_values, hint, encoding, source):
    """A page holding every listed byte, to check a whole code page table:
    the expectation is Python's decoding, without the soft hyphen and C1
    controls that pi_input drops."""
    body = bytes(byte_values)
    text = body.decode(codec)
    text = "".join(ch for ch in text if ch != "\u00ad" and not "\x80" <= ch <= "\x9f")
    data = b"<!DOCTYPE html>\n<p>" + body + b"</p>\n"
    RAW.append((name, data, text, hint, encoding, source))


raw_case("table-windows-1252", "cp1252",
         [b for b in range(0x80, 0x100) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)],
         "windows-1252", "windows-1252", "hint")
raw_case("table-iso-8859-16", "iso8859_16", range(0xA0, 0x100),
         "iso-8859-16", "ISO-8859-16", "hint")
raw_case("table-koi8-r", "koi8_r", range(0x80, 0x100), "koi8-r", "KOI8-R", "hint")
# HKSCS characters that ICU's Big5-HKSCS leaves in the private use area
# (strokes, Ê̄, U+9FA6...) and ordinary Big5; Python's big5hkscs agrees with
# the WHATWG index for these (not for A145, A1C2, A1E3, ..., left out).
raw_case("table-big5-hkscs", "big5hkscs",
         bytes.fromhex("8840 8841 8855 8862 8864 88a3 88a5 88a9 88aa 8c43 8d48"
                       " c879 c8a1 c8a3 a440 a441 b0aa c4a3 f9d5"),
         "big5", "Big5", "hint")
raw_case("table-iso-8859-7", "iso8859_7",
         [b for b in range(0xA0, 0x100) if b not in (0xAE, 0xD2, 0xFF)],
         "iso-8859-7", "ISO-8859-7", "hint")


def main():
    manifest = []
    for name, data, text, hint, encoding, source in RAW:
        with open(os.path.join(HERE, name + ".html"), "wb") as f:
            f.write(data)
        with open(os.path.join(HERE, name + ".expected.txt"), "w",
                  encoding="utf-8", newline="\n") as f:
            f.write(unicodedata.normalize("NFC", text) + "\n")
        manifest.append("\t".join((name, hint, encoding, source)))
    for (name, lang, codec, meta, hint, encoding, source, bom, pad,
         meta_after, expect) in CASES:
        doc, title, para = build(lang, meta, pad=pad, meta_after=meta_after)
        data = bom + doc.encode(codec)
        with open(os.path.join(HERE, name + ".html"), "wb") as f:
            f.write(data)
        # The decoder normalises to NFC, so the expectation is NFC too.
        lines = [unicodedata.normalize("NFC", t) for t in (expect or (title, para))]
        with open(os.path.join(HERE, name + ".expected.txt"), "w",
                  encoding="utf-8", newline="\n") as f:
            f.write("\n".join(lines) + "\n")
        manifest.append("\t".join((name, hint, encoding, source)))
    with open(os.path.join(HERE, "MANIFEST"), "w", newline="\n") as f:
        f.write("# name\thint\tencoding\tsource (generated by make.py)\n")
        f.write("\n".join(manifest) + "\n")


if __name__ == "__main__":
    main()
