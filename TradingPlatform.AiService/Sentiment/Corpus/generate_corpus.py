#!/usr/bin/env python3
"""Writes financial-news.tsv: the AiService's labelled sentiment corpus (see README.md in this folder).

Deterministic (fixed seed): running it again writes the same file. Templates and vocabulary are the platform's own;
the companies are fictional, the indices, currencies, commodities and central banks are real names used generically.
"""
import hashlib
import random
import re
from pathlib import Path

R = random.Random(14_05)
PER_LABEL = 540

COMPANIES = [
    ("Northwind Logistics", "NWL"), ("Helix Semiconductors", "HLXS"), ("Brightwater Energy", "BWE"),
    ("Aurora Biotherapeutics", "AURB"), ("Cobalt Ridge Mining", "CRM"), ("Meridian Bank", "MRDB"),
    ("Quantum Freight", "QFRT"), ("Solstice Retail", "SOLR"), ("Vantage Cloud", "VCLD"), ("Ironclad Insurance", "ICI"),
    ("Pinecrest Foods", "PCF"), ("Harbor Point Airlines", "HPA"), ("Silverline Telecom", "SLT"),
    ("Redwood Pharmaceuticals", "RWP"), ("Atlas Motors", "ATM"), ("Crescent Hotels", "CRH"), ("Lumen Devices", "LUMD"),
    ("Granite Construction Group", "GCG"), ("Oakmont Media", "OAKM"), ("Keystone Chemicals", "KSC"),
    ("Zephyr Wind Power", "ZWP"), ("Falcon Aerospace", "FLCN"), ("Nimbus Software", "NMBS"), ("Sterling Payments", "STPY"),
    ("Tidewater Shipping", "TDWS"), ("Evergreen REIT", "EGRT"), ("Copperfield Steel", "CFS"), ("Orion Gaming", "ORGM"),
    ("Bluebird Apparel", "BBAP"), ("Summit Healthcare", "SMHC"), ("Prairie Agritech", "PAGT"), ("Beacon Robotics", "BCNR"),
]
INDICES = ["the S&P 500", "the Nasdaq Composite", "the Dow Jones Industrial Average", "the FTSE 100", "the DAX",
           "the Nikkei 225", "the Hang Seng", "the Euro Stoxx 50", "the CAC 40", "the Russell 2000", "the KOSPI",
           "the Stoxx 600", "the ASX 200", "the Sensex"]
CRYPTO = ["Bitcoin", "Ether", "Solana", "XRP", "Cardano", "Dogecoin", "Litecoin", "Polkadot", "Avalanche"]
FX = ["the euro", "the yen", "sterling", "the Swiss franc", "the Australian dollar", "the Canadian dollar",
      "the Mexican peso", "the Turkish lira", "the South African rand", "the Indian rupee", "the yuan"]
PAIRS = ["EUR/USD", "USD/JPY", "GBP/USD", "AUD/USD", "USD/CHF", "USD/CAD", "EUR/GBP", "NZD/USD"]
COMMODITIES = ["Brent crude", "WTI crude", "gold", "copper", "natural gas", "wheat", "corn", "silver", "soybeans",
               "iron ore", "coffee", "aluminium"]
FUTURES = ["S&P 500 futures", "Nasdaq futures", "Dow futures", "Treasury futures", "crude futures", "gold futures",
           "Bund futures", "Nikkei futures"]
BANKS = ["the Federal Reserve", "the European Central Bank", "the Bank of England", "the Bank of Japan",
         "the Swiss National Bank", "the Reserve Bank of Australia", "the Bank of Canada", "the People's Bank of China",
         "the Reserve Bank of India", "Norges Bank", "the Riksbank"]
COUNTRIES = ["the US", "the euro zone", "Germany", "Japan", "the UK", "China", "France", "Canada", "Australia",
             "India", "Brazil", "South Korea", "Italy", "Spain", "Mexico"]
DATA = ["retail sales", "industrial production", "factory orders", "consumer confidence", "manufacturing PMI",
        "services PMI", "housing starts", "exports", "business sentiment", "payrolls", "GDP growth"]
SECTORS = ["chipmakers", "bank stocks", "airline shares", "energy stocks", "miners", "homebuilders", "utilities",
           "tech stocks", "retailers", "automakers", "insurers", "pharma stocks", "shipping stocks"]
REGULATORS = ["the SEC", "the European Commission", "the FTC", "the Competition and Markets Authority",
              "the Justice Department", "the FCA", "BaFin", "the CFTC", "the FDA", "the EMA"]
RATERS = ["Moody's", "S&P Global", "Fitch"]
ANALYSTS = ["analysts", "traders", "strategists", "investors", "economists", "market participants"]
BROKERS = ["Morgan Stanley", "Goldman Sachs", "JPMorgan", "Barclays", "UBS", "Jefferies", "Bernstein", "Citi",
           "BofA Securities", "Deutsche Bank", "an independent research house"]
QUARTERS = ["first-quarter", "second-quarter", "third-quarter", "fourth-quarter", "quarterly", "half-year",
            "full-year"]
PRODUCTS = ["its flagship chip", "a new cancer drug", "its electric pickup", "the cloud platform", "a budget airline",
            "its payments app", "the new headset", "a battery plant", "an offshore wind farm", "its streaming service",
            "a weight-loss treatment", "the satellite network", "its robotaxi service", "a gene therapy"]
TIMES = ["on Tuesday", "on Monday", "on Wednesday", "on Thursday", "on Friday", "in early trading",
         "in afternoon trade", "overnight", "at the open", "late in the session", "in Asian trading",
         "in London trading", "before the bell", "after hours", ""]
HEDGES = ["", "", "", "", "according to people familiar with the matter", "sources said", "a report said"]
COMPANY_HEDGES = ["the company said", "according to a filing", "according to a statement"]

def pick(xs):
    return R.choice(xs)

def company():
    name, ticker = pick(COMPANIES)
    return pick([name, name, f"{name} ({ticker})", f"shares of {name}"]) if R.random() < 0.15 else name

def co():
    return pick(COMPANIES)[0]

def pct(lo=0.6, hi=14.0):
    return f"{R.uniform(lo, hi):.1f}%"

def money():
    return pick([f"${R.randint(2, 95)} billion", f"${R.randint(120, 950)} million", f"{R.randint(2, 40)} billion euros",
                 f"£{R.randint(150, 900)} million"])

def eps():
    a = R.randint(20, 390) / 100
    return f"${a:.2f}"

def bp():
    return pick(["25 basis points", "50 basis points", "a quarter point", "half a point", "75 basis points"])

def t():
    return pick(TIMES)

def cap(s):
    return s[0].upper() + s[1:]

def tail(s):
    about_company = s.startswith(tuple(c for c, _ in COMPANIES))
    h = pick(HEDGES + (COMPANY_HEDGES if about_company else []))
    s = s.strip()
    if h and not s.endswith("?"):
        s = s.rstrip(".") + ", " + h + "."
    elif not s.endswith((".", "?", "!")):
        s += "."
    s = re.sub(r"\s+", " ", s).replace(" ,", ",").replace(" .", ".")
    return s[0].upper() + s[1:]

# ---------------------------------------------------------------- positive
POS = [
    lambda: f"{co()} shares jumped {pct()} {t()} after {pick(['quarterly', 'annual', 'second-quarter'])} profit beat estimates",
    lambda: f"{co()} raised its full-year revenue guidance to {money()}, above what {pick(ANALYSTS)} had expected",
    lambda: f"{co()} reported {pick(QUARTERS)} earnings of {eps()} a share, ahead of the consensus of {eps()}",
    lambda: f"{pick(BROKERS)} upgraded {co()} to buy and lifted its price target by {pct(8, 40)}",
    lambda: f"{pick(INDICES)} closed at a record high {t()} as {pick(SECTORS)} led the rally",
    lambda: f"{pick(CRYPTO)} climbed {pct(3, 18)} to its highest level in {pick(['three', 'five', 'seven', 'eleven'])} months",
    lambda: f"{pick(REGULATORS)} approved {co()}'s {pick(['application', 'filing', 'request'])} for {pick(PRODUCTS)}",
    lambda: f"{co()} won a {money()} contract to supply {pick(['the US Navy', 'a national grid operator', 'three European carriers', 'a Gulf state utility', 'the rail network'])}",
    lambda: f"{co()} shares fell less than feared after the results, and analysts said the worst was now priced in",
    lambda: f"{co()}'s losses narrowed sharply and the company said it expects to turn profitable next year",
    lambda: f"{pick(COUNTRIES)} {pick(DATA)} rose more than expected in {pick(['March', 'April', 'June', 'August', 'October', 'November'])}, easing fears of a slowdown",
    lambda: f"{pick(BANKS)} signalled it will cut rates {pick(['soon', 'next month', 'at its next meeting'])}, sending stocks higher",
    lambda: f"{co()} announced a {money()} share buyback and raised its dividend by {pct(4, 20)}",
    lambda: f"{co()} agreed to be acquired by {co()} for {money()}, a premium of {pct(20, 60)} to its last close",
    lambda: f"Inflation in {pick(COUNTRIES)} slowed to {R.randint(15, 29)/10:.1f}%, {pick(['its lowest in two years', 'below forecasts', 'further than economists expected'])}",
    lambda: f"{cap(pick(FX))} rallied {pct(0.7, 3)} against the dollar after {pick(['strong growth data', 'a hawkish central bank', 'a surprise trade surplus'])}",
    lambda: f"{co()} settled the lawsuit for far less than analysts had feared, removing a major overhang",
    lambda: f"{co()} said demand for {pick(PRODUCTS)} is running well ahead of plan",
    lambda: f"{pick(FUTURES)} pointed to a strong open as {pick(['earnings season', 'the jobs report', 'trade talks', 'the inflation data'])} beat expectations",
    lambda: f"{co()} restored full service after the outage within an hour, and no customer data was affected",
    lambda: f"Margins at {co()} expanded to {R.randint(18, 45)}%, the widest in the company's history",
    lambda: f"{co()} ruled out job cuts and said order books are full through {pick(['next year', '2027', 'the end of the decade'])}",
    lambda: f"{cap(pick(ANALYSTS))} were relieved that {co()} did not cut its outlook despite the weaker quarter",
    lambda: f"{cap(pick(COMMODITIES))} producers rallied after {pick(COMMODITIES)} prices rose {pct(2, 9)} {t()}",
    lambda: f"{co()}'s {pick(['bond', 'debt', 'credit'])} rating was upgraded to investment grade by {pick(RATERS)}",
    lambda: f"{co()} posted record {pick(['sales', 'bookings', 'revenue', 'deliveries'])} of {money()}, up {pct(12, 60)} from a year earlier",
    lambda: f"{pick(CRYPTO)} surged after {pick(REGULATORS)} cleared the first spot exchange-traded fund tracking it",
    lambda: f"The trial of {pick(PRODUCTS)} met its main goal, and {co()} plans to file for approval this year",
    lambda: f"{pick(COUNTRIES)} unemployment fell to {R.randint(32, 55)/10:.1f}%, the lowest since records began",
    lambda: f"{co()} beat on both revenue and earnings, and its shares rose {pct()} in extended trading",
    lambda: f"Despite a choppy session, {pick(INDICES)} ended {pct(1, 3)} higher, its best day in {pick(['a month', 'six weeks', 'three months'])}",
    lambda: f"{co()} said cost savings of {money()} were ahead of schedule and lifted its margin target",
    lambda: f"Investors cheered {co()}'s plan to spin off its {pick(['chemicals', 'consumer', 'cloud', 'insurance', 'logistics'])} unit, sending the stock up {pct()}",
    lambda: f"{pick(BANKS)} held rates and said inflation is now firmly under control, and bonds rallied",
    lambda: f"{co()} is not expected to need new capital after all, {pick(ANALYSTS)} said, after cash flow came in strong",
    lambda: f"Shares in {co()} rebounded {pct()} as fears over {pick(['the recall', 'the probe', 'the outage', 'the audit'])} proved overblown",
    lambda: f"{co()} won the patent case against {co()}, with the court awarding it {money()}",
    lambda: f"{cap(pick(SECTORS))} outperformed after {pick(['a blowout earnings report from a peer', 'better-than-expected demand data', 'a favourable court ruling'])}",
    lambda: f"Hedge funds piled into {co()} after it {pick(['doubled its dividend', 'beat estimates for the eighth straight quarter', 'won regulatory approval in China'])}",
    lambda: f"{cap(pick(FX))} hit a {pick(['one-year', 'two-year', 'six-month'])} high as {pick(['exports boomed', 'the trade deficit narrowed', 'growth surprised to the upside'])}",
    lambda: f"{co()} said it does not expect the {pick(['strike', 'new tariffs', 'probe', 'port closures', 'chip shortage'])} to hurt this year's earnings",
    lambda: f"Fears of a {pick(['recession', 'credit crunch', 'price war', 'supply glut'])} eased after {pick(COUNTRIES)} reported stronger {pick(DATA)}",
    lambda: f"Short sellers retreated from {co()} after the company {pick(['refinanced its debt', 'cleared the audit', 'beat expectations'])}",
    lambda: f"{co()}'s profit fell {pct(2, 9)}, but that was a much smaller drop than analysts had forecast and the shares rose",
    lambda: f"{co()} avoided the downgrade many had feared, and its bonds rallied",
]
# ---------------------------------------------------------------- negative
NEG = [
    lambda: f"{co()} shares plunged {pct()} {t()} after the company missed profit estimates",
    lambda: f"{co()} cut its full-year guidance, citing {pick(['weak demand', 'rising costs', 'supply disruptions', 'a strong dollar', 'softer orders'])}",
    lambda: f"{co()} reported a {pick(QUARTERS)} loss of {eps()} a share, much wider than the {eps()} analysts expected",
    lambda: f"{pick(BROKERS)} downgraded {co()} to sell, warning that {pick(['margins could shrink', 'growth is stalling', 'the valuation is stretched', 'debt is piling up'])}",
    lambda: f"{pick(INDICES)} tumbled {pct(1.2, 4)} {t()}, its worst day since {pick(['March', 'the spring', 'last year', 'the pandemic'])}",
    lambda: f"{pick(CRYPTO)} slumped {pct(5, 25)} as {pick(['a major exchange halted withdrawals', 'liquidations swept the market', 'regulators cracked down', 'a large holder dumped coins'])}",
    lambda: f"{pick(REGULATORS)} rejected {co()}'s application for {pick(PRODUCTS)}",
    lambda: f"{co()} was fined {money()} by {pick(REGULATORS)} over {pick(['misleading disclosures', 'antitrust violations', 'data protection failures', 'market manipulation'])}",
    lambda: f"{co()} shares rose less than the market after results that {pick(ANALYSTS)} called disappointing",
    lambda: f"{co()} no longer expects a recovery in {pick(['the second half', 'China', 'Europe', 'consumer demand'])} and will cut {R.randint(3, 18)}% of its workforce",
    lambda: f"{pick(COUNTRIES)} {pick(DATA)} fell unexpectedly in {pick(['January', 'February', 'May', 'July', 'September', 'December'])}, deepening recession fears",
    lambda: f"{pick(BANKS)} raised rates by {bp()} and warned of further increases, hitting stocks",
    lambda: f"{co()} suspended its dividend to conserve cash as {pick(['losses mounted', 'sales collapsed', 'debt costs soared'])}",
    lambda: f"The proposed merger between {co()} and {co()} collapsed after {pick(REGULATORS)} moved to block it",
    lambda: f"Inflation in {pick(COUNTRIES)} accelerated to {R.randint(45, 99)/10:.1f}%, {pick(['far above forecasts', 'the highest in a decade', 'dashing hopes of rate cuts'])}",
    lambda: f"{cap(pick(FX))} sank to a record low against the dollar amid {pick(['capital flight', 'political turmoil', 'soaring inflation', 'a widening deficit'])}",
    lambda: f"{co()} faces a class action lawsuit alleging it {pick(['misled investors', 'hid product defects', 'inflated its revenue', 'concealed safety risks'])}",
    lambda: f"A {pick(['global', 'nationwide', 'six-hour', 'day-long'])} outage at {co()} left millions of customers without service",
    lambda: f"{pick(FUTURES)} slid {t()} as {pick(['the jobs report', 'inflation data', 'retail sales', 'a profit warning from a bellwether'])} disappointed",
    lambda: f"{co()} recalled {R.randint(20, 900)},000 {pick(['vehicles', 'devices', 'units', 'packages'])} over a safety defect",
    lambda: f"Margins at {co()} shrank to {R.randint(2, 9)}%, and the company warned they may fall further",
    lambda: f"{co()} warned that it may breach its debt covenants unless {pick(['sales recover', 'lenders agree to a waiver', 'it raises new equity'])}",
    lambda: f"{cap(pick(ANALYSTS))} fear that {co()}'s guidance is still too optimistic after a second profit warning this year",
    lambda: f"{cap(pick(COMMODITIES))} fell {pct(2, 9)} {t()}, dragging down {pick(SECTORS)}",
    lambda: f"{co()}'s debt was cut to junk by {pick(RATERS)}, raising its borrowing costs",
    lambda: f"{co()} posted its first annual loss in {pick(['a decade', 'twenty years', 'its history'])} as revenue fell {pct(8, 35)}",
    lambda: f"{pick(CRYPTO)} exchange {pick(['CoinVault', 'BitHarbor', 'Nexa Exchange', 'TokenBay'])} filed for bankruptcy after a {money()} hack",
    lambda: f"The trial of {pick(PRODUCTS)} failed to meet its main goal, wiping {pct(20, 60)} off {co()}'s market value",
    lambda: f"{pick(COUNTRIES)} unemployment jumped to {R.randint(62, 99)/10:.1f}% as {pick(['factories laid off workers', 'hiring froze', 'the slowdown deepened'])}",
    lambda: f"{co()} missed on both revenue and earnings, and its shares fell {pct()} in extended trading",
    lambda: f"Despite an early bounce, {pick(INDICES)} ended {pct(1, 3)} lower as selling intensified into the close",
    lambda: f"{co()} said costs were running {money()} over budget and delayed {pick(PRODUCTS)} by a year",
    lambda: f"Investors fled {co()} after its auditor resigned and the company delayed its annual report",
    lambda: f"{pick(BANKS)} held rates but said cuts are off the table for now, and bonds sold off",
    lambda: f"{co()} will need to raise fresh capital, {pick(ANALYSTS)} said, after burning through {money()} in cash",
    lambda: f"Shares in {co()} extended their slide as {pick(REGULATORS)} widened its probe into {pick(['the accounts', 'the sales practices', 'the safety data', 'executive trading'])}",
    lambda: f"{co()} lost the patent case against {co()} and was ordered to pay {money()} in damages",
    lambda: f"{cap(pick(SECTORS))} sold off after {pick(['a peer slashed its forecast', 'weak demand data', 'new tariffs were announced'])}",
    lambda: f"Hedge funds dumped {co()} after it {pick(['cut its dividend', 'missed estimates for the third straight quarter', 'lost its biggest customer'])}",
    lambda: f"{cap(pick(FX))} slid to a {pick(['one-year', 'two-year', 'six-month'])} low as {pick(['exports slumped', 'the trade deficit widened', 'growth stalled'])}",
    lambda: f"{co()} did not raise its guidance, disappointing investors who had hoped for an upgrade",
    lambda: f"{co()}'s profit rose {pct(1, 6)} but fell well short of expectations, and the shares slid",
    lambda: f"Early gains in {co()} evaporated after the chief executive warned of {pick(['a difficult year', 'weaker orders', 'rising losses'])}",
    lambda: f"{co()} could not say when {pick(PRODUCTS)} would return to service after the fire",
    lambda: f"There is no sign yet of a recovery in {pick(SECTORS)}, and {pick(BROKERS)} cut its forecasts again",
]
# ---------------------------------------------------------------- neutral
NEU = [
    lambda: f"{co()} will report {pick(QUARTERS)} results on {pick(['Tuesday', 'Thursday', 'April 24', 'July 30', 'October 28', 'February 6'])}",
    lambda: f"{co()} shares were little changed {t()} ahead of the company's investor day",
    lambda: f"{co()} reaffirmed its full-year guidance, in line with what {pick(ANALYSTS)} had expected",
    lambda: f"{co()} reported {pick(QUARTERS)} earnings of {eps()} a share, in line with the consensus",
    lambda: f"{pick(INDICES)} ended flat {t()} as gains in {pick(SECTORS)} offset losses in {pick(SECTORS)}",
    lambda: f"{pick(CRYPTO)} traded in a narrow range {t()}, holding near {pick(['$61,000', '$3,400', '$140', '$0.58', '$27,500', '$95'])}",
    lambda: f"{pick(REGULATORS)} said it will decide on {co()}'s application by {pick(['the end of the year', 'March', 'the autumn', 'next quarter'])}",
    lambda: f"{co()} named {pick(['Maria Lindqvist', 'David Okafor', 'Priya Raman', 'Tomás Herrera', 'Chen Wei', 'Sarah Brennan', 'Jonas Becker'])} as chief financial officer, effective {pick(['January 1', 'next month', 'immediately', 'in June'])}",
    lambda: f"{pick(BANKS)} kept rates unchanged, as {pick(['widely expected', 'markets had fully priced in', 'economists had forecast'])}",
    lambda: f"{pick(COUNTRIES)} {pick(DATA)} came in at {R.randint(-5, 30)/10:.1f}%, matching forecasts",
    lambda: f"{co()} shares closed unchanged after a volatile session",
    lambda: f"{co()} said it is reviewing options for its {pick(['chemicals', 'consumer', 'cloud', 'insurance', 'logistics'])} unit and that no decision has been made",
    lambda: f"{cap(pick(FX))} was steady against the dollar {t()} ahead of {pick(['the central bank meeting', 'inflation data', 'the jobs report', 'the election'])}",
    lambda: f"{pick(PAIRS)} held at {R.randint(9000, 16000)/10000:.4f} {t()} as traders awaited {pick(['the Fed minutes', 'payrolls', 'the ECB decision', 'CPI data'])}",
    lambda: f"{pick(FUTURES)} were flat {t()}, with no major data due until {pick(['Thursday', 'Friday', 'next week'])}",
    lambda: f"{co()} will hold its annual shareholder meeting in {pick(['Zurich', 'Chicago', 'Singapore', 'Frankfurt', 'Toronto', 'Austin'])} on {pick(['May 14', 'June 3', 'April 30', 'September 9'])}",
    lambda: f"{co()} completed the previously announced acquisition of {co()}'s {pick(['European', 'Asian', 'retail', 'software'])} business",
    lambda: f"{cap(pick(COMMODITIES))} was little changed {t()}, with traders citing thin volumes",
    lambda: f"{co()}'s results were mixed: revenue beat estimates while earnings fell short",
    lambda: f"{pick(REGULATORS)} opened a public consultation on {pick(['crypto custody rules', 'short-selling disclosures', 'bank capital requirements', 'climate reporting', 'payment fees'])}",
    lambda: f"{co()} filed its annual report with {pick(['the SEC', 'regulators', 'the exchange'])}, with no changes to previously reported figures",
    lambda: f"{cap(pick(ANALYSTS))} expect {pick(BANKS)} to keep policy on hold at {pick(['next week', 'this month', 'its next'])} meeting",
    lambda: f"{co()} will move its listing from {pick(['London', 'Amsterdam', 'New York', 'Hong Kong'])} to {pick(['New York', 'Frankfurt', 'Paris', 'Singapore'])} next year",
    lambda: f"{co()} shares edged between small gains and losses {t()} as volumes stayed light",
    lambda: f"The {pick(['index', 'exchange', 'committee'])} said {co()} will join {pick(INDICES)} at the next quarterly rebalance",
    lambda: f"{pick(COUNTRIES)} will publish {pick(DATA)} figures on {pick(['Friday', 'Wednesday', 'the 15th', 'Monday'])}",
    lambda: f"{co()} priced a {money()} bond in {pick(['two', 'three', 'four'])} tranches to refinance existing debt",
    lambda: f"{pick(CRYPTO)} trading volumes were about average {t()}, and prices held steady",
    lambda: f"{co()} confirmed it is in talks with {co()} but said there is no certainty a deal will be reached",
    lambda: f"{co()} said the outage was scheduled maintenance and that service would resume {pick(['at 6 a.m.', 'on Sunday', 'overnight'])}",
    lambda: f"{co()} rose in early trading but gave back the gains to finish flat",
    lambda: f"{pick(INDICES)} swung between gains and losses before closing {pick(['0.1%', '0.2%', 'fractionally'])} {pick(['higher', 'lower'])}",
    lambda: f"{pick(BANKS)} published the minutes of its {pick(['March', 'June', 'September', 'December'])} meeting, which showed members split on the next move",
    lambda: f"{co()} will split its stock {pick(['two-for-one', 'three-for-one', 'ten-for-one'])}, which does not change the value of holdings",
    lambda: f"{co()} said a court hearing in the {pick(['patent', 'contract', 'antitrust'])} case had been postponed to {pick(['March', 'the autumn', 'next year'])}",
    lambda: f"{cap(pick(SECTORS))} traded sideways as investors waited for {pick(['earnings from the sector leaders', 'the Fed decision', 'the inflation print'])}",
    lambda: f"{co()} is expected to report revenue of about {money()} when it reports next week, {pick(ANALYSTS)} estimate",
    lambda: f"{co()} said it neither gained nor lost customers during the quarter",
    lambda: f"{cap(pick(FX))} ended the week roughly where it started after two-way trading",
    lambda: f"{co()} relocated its headquarters to {pick(['Dublin', 'Austin', 'Munich', 'Lisbon', 'Raleigh'])}, which it said would not affect staffing",
    lambda: f"{cap(pick(ANALYSTS))} are divided on whether {co()}'s {pick(['new strategy', 'pricing change', 'acquisition'])} will pay off",
    lambda: f"{co()} said it does not comment on market rumours about a possible bid",
    lambda: f"{co()}'s profit was roughly unchanged from a year earlier at {money()}",
    lambda: f"{pick(BANKS)} will announce its next policy decision on {pick(['Thursday', 'Wednesday', 'March 19', 'June 12'])}",
    lambda: f"{co()} rose {pick(['0.1%', '0.2%', '0.3%'])} while {co()} fell by a similar amount, leaving the sector flat",
]

# Prefixes that vary the structure without changing the label.
PREFIX = ["", "", "", "", "", "Update: ", "Breaking: ", "Markets: ", "In company news, ", "Separately, ",
          "Meanwhile, ", "Elsewhere, "]

LOWERABLE = ("The ", "Shares ", "Margins ", "Investors ", "Hedge ", "Analysts ", "Traders ", "Strategists ",
             "Economists ", "Market ", "Inflation ", "Despite ")

def make(templates, label, n):
    seen = set()
    rows = []
    attempts = 0
    while len(rows) < n and attempts < n * 60:
        attempts += 1
        s = tail(pick(templates)())
        p = pick(PREFIX)
        if p.endswith(", ") and s.startswith(LOWERABLE):
            s = p + s[0].lower() + s[1:]
        elif p and not p.endswith(", "):
            s = p + s
        key = s.lower()
        if key in seen:
            continue
        seen.add(key)
        rows.append((label, s))
    assert len(rows) == n, (label, len(rows))
    return rows

def split(rows):
    # 80/20 within each label: the 20% whose SHA-256 of the sentence sorts first are the test split.
    ordered = sorted(rows, key=lambda r: hashlib.sha256(r[1].encode()).hexdigest())
    test = {r[1] for r in ordered[: len(rows) // 5]}
    return [(label, "test" if s in test else "train", s) for label, s in rows]

rows = []
for label, templates in (("positive", POS), ("negative", NEG), ("neutral", NEU)):
    rows += split(make(templates, label, PER_LABEL))
R.shuffle(rows)
out = Path(__file__).with_name("financial-news.tsv")
with out.open("w", encoding="utf-8", newline="\n") as f:
    f.write("# label\tsplit\tsentence (see README.md in this folder)\n")
    for label, sp, s in rows:
        assert "\t" not in s and "\n" not in s
        f.write(f"{label}\t{sp}\t{s}\n")
print(len(rows), "rows written to", out)
