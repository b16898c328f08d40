"""Seed the terminology base with the municipal terms every welcome text uses, in every default
public language, and the citizens' tone guidance (Bland dig i byen, citizens' meetings): write
“københavner” or “borger”, not “indvandrer” or “etnisk minoritet”.

Idempotent: a concept or discouraged term that exists already (by slug, or by language and term)
is left as the editors made it. Later changes are made in the admin.
"""

from django.db import migrations

LANGS = ("da", "en", "ar", "tr", "ur", "so", "fa", "pl", "uk")


def terms(*labels):
    assert len(labels) == len(LANGS)
    return dict(zip(LANGS, labels, strict=True))


def same(term):
    return terms(*([term] * len(LANGS)))


# (slug, do not translate, terms per language, Danish note, English note)
CONCEPTS = [
    (
        "cpr-nummer",
        False,
        terms(
            "CPR-nummer",
            "CPR number",
            "رقم CPR",
            "CPR numarası",
            "CPR نمبر",
            "lambarka CPR",
            "شماره CPR",
            "numer CPR",
            "номер CPR",
        ),
        "Personnummeret i Det Centrale Personregister. Skriv altid “CPR” med latinske bogstaver.",
        "The personal identification number. Always write “CPR” in Latin letters.",
    ),
    (
        "borgerservice",
        False,
        terms(
            "Borgerservice",
            "Citizen Service",
            "خدمة المواطنين",
            "Vatandaş Hizmetleri",
            "شہری خدمات",
            "Adeegga Muwaadiniinta",
            "خدمات شهروندی",
            "Biuro Obsługi Mieszkańców",
            "Служба обслуговування громадян",
        ),
        "Kommunens borgerservice. Skriv gerne “Borgerservice” i parentes første gang.",
        "The municipality's citizen service desk. Add “Borgerservice” in brackets the first time.",
    ),
    (
        "mitid",
        True,
        same("MitID"),
        "Danmarks digitale ID. Navnet oversættes ikke.",
        "Denmark's digital ID. The name is never translated.",
    ),
    (
        "digital-post",
        True,
        same("Digital Post"),
        "Det offentliges postkasse. Navnet bevares; forklar det gerne i parentes.",
        "The public authorities' mailbox. Keep the name; you may explain it in brackets.",
    ),
    (
        "nemkonto",
        True,
        same("NemKonto"),
        "Den bankkonto, hvor det offentlige udbetaler penge. Navnet oversættes ikke.",
        "The bank account public payments go to. The name is never translated.",
    ),
    (
        "su",
        True,
        same("SU"),
        "Statens Uddannelsesstøtte. Forkortelsen bevares; forklar den første gang.",
        "The Danish state educational grant. Keep the abbreviation; explain it the first time.",
    ),
    (
        "sundhedskort",
        False,
        terms(
            "sundhedskort",
            "health insurance card",
            "بطاقة التأمين الصحي",
            "sağlık kartı",
            "ہیلتھ انشورنس کارڈ",
            "kaarka caafimaadka",
            "کارت بیمه درمانی",
            "karta ubezpieczenia zdrowotnego",
            "картка медичного страхування",
        ),
        "Det gule sundhedskort (sygesikringsbevis). Viser CPR-nummer og egen læge.",
        "The yellow health insurance card. It shows the CPR number and the person's own doctor.",
    ),
    (
        "egen-laege",
        False,
        terms(
            "egen læge",
            "family doctor",
            "طبيب الأسرة",
            "aile hekimi",
            "فیملی ڈاکٹر",
            "dhakhtarka qoyska",
            "پزشک خانواده",
            "lekarz rodzinny",
            "сімейний лікар",
        ),
        "Den praktiserende læge, man er tilknyttet.",
        "The general practitioner a person is registered with.",
    ),
    (
        "jobcenter",
        False,
        terms(
            "jobcenter",
            "job centre",
            "مركز التوظيف",
            "iş merkezi",
            "جاب سینٹر",
            "xarunta shaqada",
            "مرکز کاریابی",
            "urząd pracy",
            "центр зайнятості",
        ),
        "Kommunens jobcenter: hjælp til job og uddannelse.",
        "The municipal job centre: help with work and education.",
    ),
    (
        "danskuddannelse",
        False,
        terms(
            "danskuddannelse",
            "Danish language education",
            "تعليم اللغة الدنماركية",
            "Danca eğitimi",
            "ڈینش زبان کی تعلیم",
            "waxbarashada luqadda deenishka",
            "آموزش زبان دانمارکی",
            "nauka języka duńskiego",
            "навчання данської мови",
        ),
        "Gratis danskundervisning for voksne nye borgere.",
        "Free Danish lessons for adult newcomers.",
    ),
    (
        "sprogskole",
        False,
        terms(
            "sprogskole",
            "language school",
            "مدرسة اللغة",
            "dil okulu",
            "لینگویج اسکول",
            "dugsiga luqadda",
            "آموزشگاه زبان",
            "szkoła językowa",
            "мовна школа",
        ),
        "Skolen, hvor danskuddannelsen foregår.",
        "The school where the Danish lessons take place.",
    ),
    (
        "kobenhavns-kommune",
        False,
        terms(
            "Københavns Kommune",
            "City of Copenhagen",
            "بلدية كوبنهاغن",
            "Kopenhag Belediyesi",
            "کوپن ہیگن میونسپلٹی",
            "Dawladda Hoose ee Copenhagen",
            "شهرداری کپنهاگ",
            "Gmina Kopenhaga",
            "Муніципалітет Копенгагена",
        ),
        "",
        "",
    ),
    (
        "kobenhavner",
        False,
        terms(
            "københavner",
            "Copenhagener",
            "من سكان كوبنهاغن",
            "Kopenhaglı",
            "کوپن ہیگن کا باشندہ",
            "reer Copenhagen",
            "ساکن کپنهاگ",
            "mieszkaniec Kopenhagi",
            "мешканець Копенгагена",
        ),
        "Den respektfulde betegnelse for alle, der bor i byen – også nye borgere.",
        "The respectful word for everyone who lives in the city, newcomers included.",
    ),
    (
        "borger",
        False,
        terms(
            "borger",
            "resident",
            "مواطن",
            "vatandaş",
            "شہری",
            "muwaadin",
            "شهروند",
            "mieszkaniec",
            "мешканець",
        ),
        "En person, der bor i kommunen, uanset statsborgerskab.",
        "A person living in the municipality, whatever their nationality.",
    ),
    (
        "opholdstilladelse",
        False,
        terms(
            "opholdstilladelse",
            "residence permit",
            "تصريح الإقامة",
            "oturma izni",
            "رہائشی اجازت نامہ",
            "ruqsadda deganaanshaha",
            "اجازه اقامت",
            "zezwolenie na pobyt",
            "дозвіл на проживання",
        ),
        "",
        "",
    ),
    (
        "boligstotte",
        False,
        terms(
            "boligstøtte",
            "housing benefit",
            "دعم السكن",
            "konut yardımı",
            "رہائشی امداد",
            "kaalmada guriyeynta",
            "کمک هزینه مسکن",
            "dodatek mieszkaniowy",
            "житлова допомога",
        ),
        "Tilskud til huslejen fra Udbetaling Danmark.",
        "A rent subsidy paid by Udbetaling Danmark.",
    ),
    (
        "kontanthjaelp",
        False,
        terms(
            "kontanthjælp",
            "social assistance",
            "المساعدة النقدية",
            "nakdi yardım",
            "نقد امداد",
            "kaalmada lacageed",
            "کمک نقدی",
            "zasiłek socjalny",
            "грошова допомога",
        ),
        "",
        "",
    ),
    (
        "daginstitution",
        False,
        terms(
            "daginstitution",
            "day-care centre",
            "دار الرعاية النهارية",
            "kreş",
            "ڈے کیئر سینٹر",
            "xarunta daryeelka carruurta",
            "مهدکودک",
            "placówka opieki nad dziećmi",
            "заклад денного догляду",
        ),
        "Vuggestue, børnehave eller integreret institution.",
        "Nursery, kindergarten or both in one.",
    ),
    (
        "skattekort",
        False,
        terms(
            "skattekort",
            "tax card",
            "البطاقة الضريبية",
            "vergi kartı",
            "ٹیکس کارڈ",
            "kaarka canshuuraha",
            "کارت مالیاتی",
            "karta podatkowa",
            "податкова картка",
        ),
        "",
        "",
    ),
    (
        "skattestyrelsen",
        False,
        terms(
            "Skattestyrelsen",
            "Danish Tax Agency",
            "مصلحة الضرائب الدنماركية",
            "Danimarka Vergi Dairesi",
            "ڈنمارک کا محکمۂ ٹیکس",
            "Hay'adda Canshuuraha Denmark",
            "اداره مالیات دانمارک",
            "Duński Urząd Skarbowy",
            "Податкова служба Данії",
        ),
        "",
        "",
    ),
    (
        "integrationsprogram",
        False,
        terms(
            "integrationsprogram",
            "integration programme",
            "برنامج الاندماج",
            "uyum programı",
            "انضمام پروگرام",
            "barnaamijka is-dhexgalka",
            "برنامه ادغام",
            "program integracyjny",
            "програма інтеграції",
        ),
        "",
        "",
    ),
    (
        "udbetaling-danmark",
        True,
        same("Udbetaling Danmark"),
        "Myndigheden, der udbetaler bl.a. boligstøtte og børnepenge. Navnet oversættes ikke.",
        "The authority that pays housing benefit, child benefit and more. Keep the name.",
    ),
    (
        "international-house",
        True,
        same("International House Copenhagen"),
        "Servicecenter for internationale borgere. Navnet oversættes ikke.",
        "Service centre for international residents. Keep the name.",
    ),
]

TONE_REASON = (
    "Borgerne bad på borgermøderne om en respektfuld tone: vi skriver om københavnere og borgere, "
    "ikke om deres oprindelse (integrationspolitikken “Bland dig i byen”)."
)
TONE_REASON_EN = (
    "At the citizens' meetings people asked for a respectful tone: write about Copenhageners and "
    "residents, not about their origin."
)
# (language, discouraged term, preferred wording, reason)
DISCOURAGED = [
    ("da", "indvandrer", "københavner, borger", TONE_REASON),
    ("da", "etnisk minoritet", "københavner, borger", TONE_REASON),
    ("da", "nydansker", "københavner, borger", TONE_REASON),
    ("en", "immigrant", "Copenhagener, resident", TONE_REASON_EN),
    ("en", "ethnic minority", "Copenhagener, resident", TONE_REASON_EN),
]


def load(apps, schema_editor):
    Concept = apps.get_model("terminology", "Concept")
    DiscouragedTerm = apps.get_model("terminology", "DiscouragedTerm")
    for slug, keep, labels, note_da, note_en in CONCEPTS:
        if Concept.objects.filter(slug=slug).exists():
            continue
        values = {f"term_{code}": label for code, label in labels.items()}
        Concept.objects.create(
            slug=slug,
            term=labels["da"],
            note=note_da,
            note_da=note_da,
            note_en=note_en,
            do_not_translate=keep,
            **values,
        )
    for language, term, preferred, reason in DISCOURAGED:
        DiscouragedTerm.objects.get_or_create(
            language=language, term=term, defaults={"preferred": preferred, "reason": reason}
        )


class Migration(migrations.Migration):
    dependencies = [("terminology", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
