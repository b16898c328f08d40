"""The library's reference data: the City of Copenhagen's seven administrations, the four focus
areas and seven goals of the integration policy “Bland dig i byen” 2011–2014, channels, target
groups and the languages practices most often use. Labels in every default public language.

The data is frozen here, as migrations must be; later changes are made in the admin.
"""

from django.db import migrations

LANGS = ("da", "en", "ar", "tr", "ur", "so", "fa", "pl", "uk")


def names(*labels):
    assert len(labels) == len(LANGS)
    return dict(zip(LANGS, labels, strict=True))


DEPARTMENTS = [
    (
        "okf",
        "ØKF",
        names(
            "Økonomiforvaltningen",
            "Finance Administration",
            "إدارة المالية",
            "Maliye İdaresi",
            "محکمۂ مالیات",
            "Maamulka Maaliyadda",
            "اداره امور مالی",
            "Wydział Finansów",
            "Управління фінансів",
        ),
    ),
    (
        "kff",
        "KFF",
        names(
            "Kultur- og Fritidsforvaltningen",
            "Culture and Leisure Administration",
            "إدارة الثقافة والترفيه",
            "Kültür ve Serbest Zaman İdaresi",
            "محکمۂ ثقافت و تفریح",
            "Maamulka Dhaqanka iyo Madadaalada",
            "اداره فرهنگ و اوقات فراغت",
            "Wydział Kultury i Czasu Wolnego",
            "Управління культури та дозвілля",
        ),
    ),
    (
        "buf",
        "BUF",
        names(
            "Børne- og Ungdomsforvaltningen",
            "Children and Youth Administration",
            "إدارة الأطفال والشباب",
            "Çocuk ve Gençlik İdaresi",
            "محکمۂ اطفال و نوجوانان",
            "Maamulka Carruurta iyo Dhallinyarada",
            "اداره کودکان و نوجوانان",
            "Wydział ds. Dzieci i Młodzieży",
            "Управління у справах дітей і молоді",
        ),
    ),
    (
        "suf",
        "SUF",
        names(
            "Sundheds- og Omsorgsforvaltningen",
            "Health and Care Administration",
            "إدارة الصحة والرعاية",
            "Sağlık ve Bakım İdaresi",
            "محکمۂ صحت و نگہداشت",
            "Maamulka Caafimaadka iyo Daryeelka",
            "اداره بهداشت و مراقبت",
            "Wydział Zdrowia i Opieki",
            "Управління охорони здоров’я та догляду",
        ),
    ),
    (
        "sof",
        "SOF",
        names(
            "Socialforvaltningen",
            "Social Services Administration",
            "إدارة الخدمات الاجتماعية",
            "Sosyal Hizmetler İdaresi",
            "محکمۂ سماجی خدمات",
            "Maamulka Adeegyada Bulshada",
            "اداره خدمات اجتماعی",
            "Wydział Spraw Społecznych",
            "Управління соціальних служб",
        ),
    ),
    (
        "tmf",
        "TMF",
        names(
            "Teknik- og Miljøforvaltningen",
            "Technical and Environmental Administration",
            "إدارة الشؤون الفنية والبيئة",
            "Teknik ve Çevre İdaresi",
            "محکمۂ تکنیکی امور و ماحولیات",
            "Maamulka Farsamada iyo Deegaanka",
            "اداره امور فنی و محیط زیست",
            "Wydział Techniki i Środowiska",
            "Управління технічних питань і довкілля",
        ),
    ),
    (
        "bif",
        "BIF",
        names(
            "Beskæftigelses- og Integrationsforvaltningen",
            "Employment and Integration Administration",
            "إدارة التوظيف والاندماج",
            "İstihdam ve Entegrasyon İdaresi",
            "محکمۂ روزگار و انضمام",
            "Maamulka Shaqada iyo Is-dhexgalka",
            "اداره اشتغال و ادغام",
            "Wydział Zatrudnienia i Integracji",
            "Управління зайнятості та інтеграції",
        ),
    ),
]

FOCUS_AREAS = [
    (
        "good-start",
        names(
            "Alle unge skal have en god start på livet",
            "Every young person gets a good start in life",
            "بداية جيدة في الحياة لكل الشباب",
            "Her genç hayata iyi bir başlangıç yapmalı",
            "ہر نوجوان کو زندگی کا اچھا آغاز ملے",
            "Dhallinyarada oo dhan waa inay helaan bilow wanaagsan oo nolosha ah",
            "همه جوانان باید شروع خوبی در زندگی داشته باشند",
            "Każdy młody człowiek powinien mieć dobry start w życie",
            "Кожна молода людина має отримати добрий старт у житті",
        ),
    ),
    (
        "working-life",
        names(
            "Mangfoldighed og ligebehandling i arbejdslivet",
            "Diversity and equal treatment at work",
            "التنوع والمساواة في المعاملة في الحياة العملية",
            "Çalışma hayatında çeşitlilik ve eşit muamele",
            "ملازمت میں تنوع اور مساوی سلوک",
            "Kala duwanaanshaha iyo sinnaanta la-dhaqanka ee nolosha shaqada",
            "تنوع و رفتار برابر در محیط کار",
            "Różnorodność i równe traktowanie w pracy",
            "Різноманіття та рівне ставлення у трудовому житті",
        ),
    ),
    (
        "helping-hand",
        names(
            "En særlig hånd til udsatte grupper og områder",
            "A helping hand for vulnerable groups and areas",
            "دعم خاص للفئات والمناطق الهشة",
            "Dezavantajlı gruplara ve bölgelere özel destek",
            "کمزور طبقوں اور علاقوں کے لیے خصوصی مدد",
            "Gacan gaar ah oo loo fidiyo kooxaha iyo xaafadaha nugul",
            "حمایت ویژه از گروه‌ها و مناطق آسیب‌پذیر",
            "Szczególne wsparcie dla grup i obszarów w trudnej sytuacji",
            "Особлива підтримка вразливих груп і районів",
        ),
    ),
    (
        "inclusive-city",
        names(
            "Den inddragende by",
            "The inclusive city",
            "المدينة الشاملة للجميع",
            "Kapsayıcı şehir",
            "سب کو شامل کرنے والا شہر",
            "Magaalada qof walba ka qaybgeliya",
            "شهر فراگیر",
            "Miasto, które włącza",
            "Інклюзивне місто",
        ),
    ),
]

GOALS = [
    (
        "goal-1-bilingual-pupils",
        "good-start",
        names(
            "De faglige resultater skal forbedres for de 25 procent svageste tosprogede elever",
            "Better results at school for the weakest 25 per cent of bilingual pupils",
            "تحسين النتائج الدراسية لأضعف 25 في المائة من التلاميذ ثنائيي اللغة",
            "İki dilli öğrencilerin en zayıf yüzde 25'inin okul başarısı artmalı",
            "دو لسانی طلبہ میں سب سے کمزور 25 فیصد کے تعلیمی نتائج بہتر ہوں",
            "Natiijooyinka waxbarasho ee 25 boqolkiiba ugu hooseeya ardayda laba-luqadeedka ah waa in la hagaajiyaa",
            "بهبود نتایج تحصیلی ۲۵ درصد ضعیف‌ترِ دانش‌آموزان دوزبانه",
            "Lepsze wyniki w nauce 25 procent najsłabszych uczniów dwujęzycznych",
            "Кращі навчальні результати для 25 відсотків найслабших двомовних учнів",
        ),
    ),
    (
        "goal-2-unemployment",
        "working-life",
        names(
            "Overledigheden blandt etniske minoriteter skal højst være 5,8 procentpoint",
            "Excess unemployment among ethnic minorities of at most 5.8 percentage points",
            "ألا تتجاوز البطالة الزائدة بين الأقليات العرقية 5.8 نقطة مئوية",
            "Etnik azınlıklar arasındaki fazla işsizlik en fazla 5,8 yüzde puan olmalı",
            "نسلی اقلیتوں میں اضافی بے روزگاری زیادہ سے زیادہ 5.8 فیصد پوائنٹ ہو",
            "Shaqo la'aanta dheeraadka ah ee dadka laga tirada badan yahay waa inaysan ka badnaan 5.8 dhibcood oo boqolley ah",
            "بیکاری مازاد در میان اقلیت‌های قومی حداکثر ۵٫۸ واحد درصد باشد",
            "Nadwyżka bezrobocia wśród mniejszości etnicznych najwyżej 5,8 punktu procentowego",
            "Надлишкове безробіття серед етнічних меншин — не більше 5,8 відсоткового пункту",
        ),
    ),
    (
        "goal-3-staff-diversity",
        "working-life",
        names(
            "Kommunens medarbejder- og ledersammensætning skal afspejle arbejdsstyrken i forhold til etnicitet og uddannelsesmønster",
            "The City's staff and managers reflect the workforce in ethnic background and education",
            "أن يعكس موظفو البلدية ومديروها القوى العاملة من حيث الخلفية العرقية والتعليم",
            "Belediye çalışanları ve yöneticileri, etnik köken ve eğitim bakımından işgücünü yansıtmalı",
            "بلدیہ کے ملازمین اور منتظمین نسلی پس منظر اور تعلیم کے لحاظ سے افرادی قوت کی عکاسی کریں",
            "Shaqaalaha iyo maamulayaasha degmadu waa inay ka tarjumaan xoogga shaqada xagga asalka qowmiyadeed iyo waxbarashada",
            "کارکنان و مدیران شهرداری از نظر پیشینه قومی و تحصیلات بازتاب نیروی کار باشند",
            "Pracownicy i kadra kierownicza gminy odzwierciedlają siłę roboczą pod względem pochodzenia etnicznego i wykształcenia",
            "Працівники й керівники муніципалітету відображають склад робочої сили за етнічним походженням і освітою",
        ),
    ),
    (
        "goal-4-use-of-services",
        "helping-hand",
        names(
            "Etniske minoriteters brug af kommunale tilbud i udsatte områder skal øges",
            "More use of the City's services by ethnic minorities in vulnerable areas",
            "زيادة استخدام الأقليات العرقية لخدمات البلدية في المناطق الهشة",
            "Dezavantajlı bölgelerde etnik azınlıkların belediye hizmetlerinden yararlanması artmalı",
            "کمزور علاقوں میں نسلی اقلیتیں بلدیہ کی خدمات زیادہ استعمال کریں",
            "Dadka laga tirada badan yahay ee ku nool xaafadaha nugul waa inay si badan u isticmaalaan adeegyada degmada",
            "افزایش استفاده اقلیت‌های قومی از خدمات شهرداری در مناطق آسیب‌پذیر",
            "Częstsze korzystanie z usług gminy przez mniejszości etniczne na obszarach w trudnej sytuacji",
            "Частіше користування послугами муніципалітету етнічними меншинами у вразливих районах",
        ),
    ),
    (
        "goal-5-safety",
        "helping-hand",
        names(
            "Trygheden skal stige i udvalgte områder",
            "A greater sense of safety in selected areas",
            "زيادة الشعور بالأمان في مناطق مختارة",
            "Seçilmiş bölgelerde güvenlik duygusu artmalı",
            "منتخب علاقوں میں تحفظ کا احساس بڑھے",
            "Dareenka nabadgelyada ee xaafadaha la doortay waa inuu kordhaa",
            "افزایش احساس امنیت در مناطق منتخب",
            "Większe poczucie bezpieczeństwa w wybranych obszarach",
            "Більше відчуття безпеки в окремих районах",
        ),
    ),
    (
        "goal-6-inclusion",
        "inclusive-city",
        names(
            "Andelen af etniske minoriteter, der føler sig inkluderet, skal stige",
            "More people from ethnic minorities feel included",
            "زيادة نسبة أبناء الأقليات العرقية الذين يشعرون بأنهم جزء من المجتمع",
            "Kendini topluma dahil hisseden etnik azınlıkların oranı artmalı",
            "خود کو معاشرے کا حصہ محسوس کرنے والے نسلی اقلیتوں کے افراد کا تناسب بڑھے",
            "Saamiga dadka laga tirada badan yahay ee dareema inay bulshada ka mid yihiin waa inuu kordhaa",
            "افزایش سهم افراد اقلیت‌های قومی که خود را بخشی از جامعه می‌دانند",
            "Większy odsetek osób z mniejszości etnicznych czuje się włączony",
            "Більша частка людей з етнічних меншин почувається частиною спільноти",
        ),
    ),
    (
        "goal-7-discrimination",
        "inclusive-city",
        names(
            "Andelen af etniske minoriteter, der oplever diskrimination, skal falde",
            "Fewer people from ethnic minorities experience discrimination",
            "انخفاض نسبة أبناء الأقليات العرقية الذين يتعرضون للتمييز",
            "Ayrımcılığa uğrayan etnik azınlıkların oranı azalmalı",
            "امتیازی سلوک کا سامنا کرنے والے نسلی اقلیتوں کے افراد کا تناسب کم ہو",
            "Saamiga dadka laga tirada badan yahay ee la kulma takoor waa inuu yaraadaa",
            "کاهش سهم افراد اقلیت‌های قومی که تبعیض را تجربه می‌کنند",
            "Mniejszy odsetek osób z mniejszości etnicznych doświadcza dyskryminacji",
            "Менша частка людей з етнічних меншин стикається з дискримінацією",
        ),
    ),
]

CHANNELS = [
    (
        "leaflet",
        names(
            "Pjece",
            "Leaflet",
            "منشور",
            "Broşür",
            "پمفلٹ",
            "Buug-yare",
            "بروشور",
            "Ulotka",
            "Листівка",
        ),
    ),
    (
        "sign",
        names(
            "Skilt",
            "Sign",
            "لافتة",
            "Tabela",
            "سائن بورڈ",
            "Boodh calaamadeed",
            "تابلو",
            "Tablica informacyjna",
            "Вивіска",
        ),
    ),
    (
        "video",
        names("Film", "Video", "فيديو", "Video", "ویڈیو", "Fiidiyow", "ویدیو", "Wideo", "Відео"),
    ),
    (
        "meeting",
        names(
            "Møde",
            "Meeting",
            "اجتماع",
            "Toplantı",
            "اجلاس",
            "Kulan",
            "جلسه",
            "Spotkanie",
            "Зустріч",
        ),
    ),
    (
        "interpreter",
        names(
            "Tolk",
            "Interpreter",
            "مترجم فوري",
            "Tercüman",
            "ترجمان",
            "Turjubaan",
            "مترجم شفاهی",
            "Tłumacz ustny",
            "Усний перекладач",
        ),
    ),
    (
        "neighbourhood-mothers",
        names(
            "Bydelsmødre",
            "Neighbourhood mothers",
            "أمهات الحي",
            "Mahalle anneleri",
            "محلے کی مائیں",
            "Hooyooyinka xaafadda",
            "مادران محله",
            "Matki dzielnicowe",
            "Районні матері",
        ),
    ),
    (
        "social-media",
        names(
            "Sociale medier",
            "Social media",
            "وسائل التواصل الاجتماعي",
            "Sosyal medya",
            "سوشل میڈیا",
            "Baraha bulshada",
            "شبکه‌های اجتماعی",
            "Media społecznościowe",
            "Соціальні мережі",
        ),
    ),
    (
        "text-message",
        names(
            "SMS",
            "Text message",
            "رسالة نصية",
            "Kısa mesaj",
            "ٹیکسٹ میسج",
            "Fariin qoraal ah",
            "پیامک",
            "SMS",
            "SMS-повідомлення",
        ),
    ),
    (
        "outreach",
        names(
            "Opsøgende arbejde",
            "Outreach",
            "العمل الميداني",
            "Saha çalışması",
            "گھر گھر رابطہ",
            "Wacyigelin goob-joog ah",
            "کار میدانی",
            "Działania w terenie",
            "Робота на місцях",
        ),
    ),
    (
        "letter",
        names(
            "Brev og Digital Post",
            "Letters and Digital Post",
            "الرسائل والبريد الرقمي",
            "Mektup ve Dijital Posta",
            "خطوط اور ڈیجیٹل پوسٹ",
            "Warqado iyo Boostada Dhijitaalka ah",
            "نامه و پست دیجیتال",
            "Listy i Digital Post",
            "Листи та Digital Post",
        ),
    ),
    (
        "website",
        names(
            "Hjemmeside",
            "Website",
            "موقع إلكتروني",
            "Web sitesi",
            "ویب سائٹ",
            "Websaydh",
            "وب‌سایت",
            "Strona internetowa",
            "Вебсайт",
        ),
    ),
    (
        "phone",
        names(
            "Telefon",
            "Telephone",
            "الهاتف",
            "Telefon",
            "ٹیلی فون",
            "Telefoon",
            "تلفن",
            "Telefon",
            "Телефон",
        ),
    ),
]

TARGET_GROUPS = [
    (
        "new-residents",
        names(
            "Nye københavnere",
            "New Copenhageners",
            "سكان كوبنهاغن الجدد",
            "Kopenhag'ın yeni sakinleri",
            "کوپن ہیگن کے نئے رہائشی",
            "Dadka cusub ee Copenhagen",
            "ساکنان تازه‌وارد کپنهاگ",
            "Nowi mieszkańcy Kopenhagi",
            "Нові мешканці Копенгагена",
        ),
    ),
    (
        "children-young-people",
        names(
            "Børn og unge",
            "Children and young people",
            "الأطفال والشباب",
            "Çocuklar ve gençler",
            "بچے اور نوجوان",
            "Carruurta iyo dhallinyarada",
            "کودکان و نوجوانان",
            "Dzieci i młodzież",
            "Діти та молодь",
        ),
    ),
    (
        "parents",
        names(
            "Forældre",
            "Parents",
            "الآباء والأمهات",
            "Ebeveynler",
            "والدین",
            "Waalidiinta",
            "والدین",
            "Rodzice",
            "Батьки",
        ),
    ),
    (
        "women-outside-labour-market",
        names(
            "Kvinder uden for arbejdsmarkedet",
            "Women outside the labour market",
            "النساء خارج سوق العمل",
            "İşgücü piyasası dışındaki kadınlar",
            "روزگار سے باہر خواتین",
            "Haweenka ka baxsan suuqa shaqada",
            "زنان خارج از بازار کار",
            "Kobiety poza rynkiem pracy",
            "Жінки поза ринком праці",
        ),
    ),
    (
        "jobseekers",
        names(
            "Ledige",
            "Jobseekers",
            "الباحثون عن عمل",
            "İş arayanlar",
            "ملازمت کے متلاشی",
            "Shaqo-doonka",
            "جویندگان کار",
            "Osoby bezrobotne",
            "Шукачі роботи",
        ),
    ),
    (
        "older-people",
        names(
            "Ældre",
            "Older people",
            "كبار السن",
            "Yaşlılar",
            "بزرگ افراد",
            "Dadka waayeelka ah",
            "سالمندان",
            "Osoby starsze",
            "Люди похилого віку",
        ),
    ),
    (
        "families-vulnerable-areas",
        names(
            "Familier i udsatte boligområder",
            "Families in vulnerable housing areas",
            "الأسر في الأحياء السكنية الهشة",
            "Dezavantajlı konut bölgelerindeki aileler",
            "کمزور رہائشی علاقوں کے خاندان",
            "Qoysaska ku nool xaafadaha nugul",
            "خانواده‌های ساکن محله‌های آسیب‌پذیر",
            "Rodziny z osiedli w trudnej sytuacji",
            "Сім’ї у вразливих житлових районах",
        ),
    ),
    (
        "danish-learners",
        names(
            "Kursister på danskuddannelse",
            "Learners of Danish",
            "دارسو اللغة الدنماركية",
            "Danca öğrenenler",
            "ڈینش زبان سیکھنے والے",
            "Dadka barta luqadda Deenishka",
            "زبان‌آموزان دانمارکی",
            "Osoby uczące się duńskiego",
            "Ті, хто вивчає данську мову",
        ),
    ),
    (
        "city-staff",
        names(
            "Kommunens medarbejdere",
            "City staff",
            "موظفو البلدية",
            "Belediye çalışanları",
            "بلدیہ کے ملازمین",
            "Shaqaalaha degmada",
            "کارکنان شهرداری",
            "Pracownicy gminy",
            "Працівники муніципалітету",
        ),
    ),
]

# Languages practices communicate in most often in Copenhagen, source language first.
USED_LANGUAGES = [
    "da",
    "en",
    "ar",
    "tr",
    "ur",
    "so",
    "fa",
    "pl",
    "uk",
    "ti",
    "ku",
    "ps",
    "ta",
    "vi",
    "bs",
    "sr",
    "ru",
    "zh",
    "th",
    "fr",
    "es",
    "de",
]


def label_columns(labels):
    return {"name": labels["da"], **{f"name_{code}": text for code, text in labels.items()}}


def load(apps, schema_editor):
    Department = apps.get_model("practices", "Department")
    FocusArea = apps.get_model("practices", "FocusArea")
    Goal = apps.get_model("practices", "Goal")
    Channel = apps.get_model("practices", "Channel")
    TargetGroup = apps.get_model("practices", "TargetGroup")
    UsedLanguage = apps.get_model("practices", "UsedLanguage")

    for order, (slug, abbreviation, labels) in enumerate(DEPARTMENTS):
        Department.objects.update_or_create(
            slug=slug,
            defaults={"abbreviation": abbreviation, "sort_order": order, **label_columns(labels)},
        )
    areas = {}
    for order, (slug, labels) in enumerate(FOCUS_AREAS, start=1):
        areas[slug], _ = FocusArea.objects.update_or_create(
            slug=slug, defaults={"sort_order": order, **label_columns(labels)}
        )
    for order, (slug, area, labels) in enumerate(GOALS, start=1):
        Goal.objects.update_or_create(
            slug=slug,
            defaults={"focus_area": areas[area], "sort_order": order, **label_columns(labels)},
        )
    for model, rows in ((Channel, CHANNELS), (TargetGroup, TARGET_GROUPS)):
        for order, (slug, labels) in enumerate(rows):
            model.objects.update_or_create(
                slug=slug, defaults={"sort_order": order, **label_columns(labels)}
            )
    for order, code in enumerate(USED_LANGUAGES):
        UsedLanguage.objects.update_or_create(code=code, defaults={"sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
