#!/usr/bin/python3
"""Labelled mis-send benchmark: one organisation's sent mail, then new messages.

Writes into OUT:
  Sent            an mbox of the sender's past mail (for `yubisashi import-history`)
  messages/*.eml  new messages to judge with `yubisashi check --json`
  labels.json     per message: legitimate or the mistake it contains (kind, the
                  wrong address, the address probably meant, the checks meant to
                  catch it, whether today's checks are meant to cover it)
  y.ini           the settings the benchmark runs with (data_dir inside OUT)

Deterministic: the same --seed and --size give byte-identical output (no clock,
no os.urandom; dates are counted from a fixed start). Standard library only.

The organisation: 星野商事 (hoshino-shoji.co.jp), the sender 佐藤 美咲 and her
colleagues; a subsidiary; partner companies with a .co.jp and a .com domain;
customers whose contacts share surnames or given names with other companies'
contacts (Japanese and English names); projects with stable groups, threads of
new messages, replies and forwards, some with attachments, over six months.
"""
import argparse
import datetime
import email.utils
import hashlib
import json
import mailbox
import os
import random
from email.message import EmailMessage
from email.policy import SMTP

OWN = "hoshino-shoji.co.jp"
SUBSIDIARY = "hoshino-logi.co.jp"
START = datetime.datetime(2026, 4, 1, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=9)))

# (surname kanji, romaji), (given kanji, romaji)
SURNAMES = [("田中", "tanaka"), ("鈴木", "suzuki"), ("高橋", "takahashi"), ("伊藤", "ito"),
            ("渡辺", "watanabe"), ("山本", "yamamoto"), ("中村", "nakamura"), ("小林", "kobayashi"),
            ("加藤", "kato"), ("吉田", "yoshida"), ("山田", "yamada"), ("佐々木", "sasaki"),
            ("松本", "matsumoto"), ("井上", "inoue"), ("木村", "kimura"), ("林", "hayashi"),
            ("清水", "shimizu"), ("山崎", "yamazaki"), ("森", "mori"), ("池田", "ikeda")]
GIVEN = [("健", "ken"), ("健二", "kenji"), ("一郎", "ichiro"), ("直樹", "naoki"), ("美咲", "misaki"),
         ("翔太", "shota"), ("恵", "megumi"), ("裕子", "yuko"), ("太郎", "taro"), ("花子", "hanako"),
         ("大輔", "daisuke"), ("由美", "yumi"), ("拓也", "takuya"), ("真由美", "mayumi"), ("誠", "makoto"),
         ("亮", "ryo"), ("彩", "aya"), ("浩", "hiroshi"), ("洋子", "yoko"), ("剛", "tsuyoshi")]
EN_FIRST = ["John", "Emily", "Michael", "Sarah", "David", "Laura", "James", "Anna", "Robert", "Linda",
            "Peter", "Karen", "Thomas", "Julia", "Daniel", "Susan"]
EN_LAST = ["Smith", "Miller", "Baker", "Clark", "Wilson", "Taylor", "Brown", "Evans", "Walker",
           "Wright", "Green", "Hall", "Turner", "Harris"]
# Company names (Japanese) and domain labels; the first ones are the fixed cast below.
JP_WORDS = ["minato-denki", "aoba-kensetsu", "fujimi-bussan", "tozai-bank", "kita-seiko", "hikari-soft",
            "midori-foods", "asahi-kogyo", "nishi-logic", "kaede-design", "tsubasa-trading",
            "umi-marine", "yama-chemical", "sora-net", "hana-pharma", "kawa-steel", "mori-paper",
            "ishi-printing", "kaze-energy", "hoshi-medical", "tsuki-media", "nami-systems", "kumo-data",
            "take-motors", "matsu-textile", "ume-agri", "kiku-insurance", "fuji-optics"]
EN_WORDS = ["northwind", "contoso", "fabrikam", "tailspin", "litware", "adatum", "woodgrove",
            "proseware", "lucerne", "wingtip", "alpineski", "coho", "humongous", "margie"]


class Person:
    def __init__(self, name, address, org):
        self.name, self.address, self.org = name, address, org

    def header(self):
        # A Unicode domain travels as punycode, as mail clients send it without SMTPUTF8.
        local, _, domain = self.address.partition("@")
        address = f"{local}@{domain.encode('idna').decode()}"
        return email.utils.formataddr((self.name, address)) if self.name else address


class Org:
    def __init__(self, name, domains, kind):
        self.name, self.domains, self.kind = name, domains, kind
        self.people = []


def jp_person(org, domain, surname, given, local_style, rng):
    s, sr = surname
    g, gr = given
    local = {0: f"{gr}.{sr}", 1: f"{gr[0]}.{sr}", 2: f"{sr}.{gr}", 3: f"{sr}"}[local_style]
    return Person(f"{s} {g}", f"{local}@{domain}", org)


def en_person(org, domain, first, last, local_style):
    local = {0: f"{first}.{last}", 1: f"{first[0]}{last}", 2: f"{first}"}[local_style].lower()
    return Person(f"{first} {last}", f"{local}@{domain}", org)


class World:
    """The organisation, the people it writes to, and its projects."""

    def __init__(self, rng, n_companies):
        self.rng = rng
        self.orgs = []
        used = set()

        def add(org, person):
            if person.address in used:
                return None
            used.add(person.address)
            org.people.append(person)
            return person

        own = Org("星野商事", [OWN], "internal")
        self.me = add(own, Person("佐藤 美咲", f"misaki.sato@{OWN}", own))
        # Colleagues; 山田 太郎 also has a private address (a mistake below).
        for (s, g) in [(10, 8), (0, 6), (4, 11), (7, 12), (12, 2), (3, 14), (16, 16), (19, 18)]:
            add(own, jp_person(own, OWN, SURNAMES[s], GIVEN[g], 0, rng))
        self.own = own
        sub = Org("星野ロジスティクス", [SUBSIDIARY], "subsidiary")
        for (s, g) in [(9, 10), (13, 4), (17, 13)]:
            add(sub, jp_person(sub, SUBSIDIARY, SURNAMES[s], GIVEN[g], 0, rng))
        self.orgs.append(sub)

        # The fixed cast: the confusions the issue describes.
        acme = Org("株式会社アクメ", ["acme.co.jp", "acme.com"], "partner")
        add(acme, Person("田中 健", "ken.tanaka@acme.co.jp", acme))
        add(acme, Person("鈴木 一郎", "ichiro.suzuki@acme.co.jp", acme))
        add(acme, Person("John Miller", "j.miller@acme.com", acme))
        add(acme, Person("高橋 由美", "yumi.takahashi@acme.com", acme))
        minato = Org("みなと電機", ["minato-denki.co.jp"], "customer")
        add(minato, Person("田中 健二", "kenji.tanaka@minato-denki.co.jp", minato))
        add(minato, Person("伊藤 直樹", "naoki.ito@minato-denki.co.jp", minato))
        add(minato, Person("渡辺 恵", "m.watanabe@minato-denki.co.jp", minato))
        sakura = Org("さくらテック", ["sakura-tech.co.jp", "sakuratech.com"], "partner")
        add(sakura, Person("山本 健", "ken.yamamoto@sakura-tech.co.jp", sakura))
        add(sakura, Person("中村 翔太", "shota.nakamura@sakuratech.com", sakura))
        add(sakura, Person("小林 恵", "megumi.kobayashi@sakura-tech.co.jp", sakura))
        northwind = Org("Northwind Traders", ["northwind.com"], "customer")
        add(northwind, Person("John Smith", "john.smith@northwind.com", northwind))
        add(northwind, Person("Emily Clark", "emily.clark@northwind.com", northwind))
        contoso = Org("Contoso", ["contoso.com"], "customer")
        add(contoso, Person("John Baker", "jbaker@contoso.com", contoso))
        add(contoso, Person("Sarah Smith", "sarah.smith@contoso.com", contoso))
        aoba = Org("青葉建設", ["aoba-kensetsu.co.jp"], "customer")
        add(aoba, Person("鈴木 一朗", "ichiro.suzuki@aoba-kensetsu.co.jp", aoba))
        add(aoba, Person("加藤 裕子", "yuko.kato@aoba-kensetsu.co.jp", aoba))
        self.orgs += [acme, minato, sakura, northwind, contoso, aoba]

        # Generated customers: names drawn from the same pools, so surnames and
        # given names repeat across companies as they do in real address books.
        jp_left = JP_WORDS[2:]
        en_left = EN_WORDS[2:]
        for i in range(n_companies):
            if i % 3 == 2 and en_left:
                word = en_left.pop(0)
                org = Org(word.capitalize(), [f"{word}.com"], "customer")
                for _ in range(rng.randint(2, 4)):
                    add(org, en_person(org, org.domains[0], rng.choice(EN_FIRST), rng.choice(EN_LAST),
                                       rng.randint(0, 2)))
            elif jp_left:
                word = jp_left.pop(0)
                domains = [f"{word}.co.jp"] + ([f"{word.replace('-', '')}.com"] if rng.random() < 0.2 else [])
                org = Org(word, domains, "customer")
                for _ in range(rng.randint(2, 5)):
                    add(org, jp_person(org, rng.choice(org.domains), rng.choice(SURNAMES), rng.choice(GIVEN),
                                       rng.randint(0, 3), rng))
            else:
                break
            self.orgs.append(org)

        # Projects: a customer's contacts with a few colleagues, sometimes a
        # partner or the subsidiary; the group stays the same over months.
        colleagues = own.people[1:]
        partners = [o for o in self.orgs if o.kind == "partner"]
        self.projects = []
        for org in self.orgs:
            if org.kind == "subsidiary":
                continue
            for _ in range(2 if org.kind == "partner" or len(org.people) > 3 else 1):
                contacts = rng.sample(org.people, min(len(org.people), rng.randint(1, 3)))
                inside = rng.sample(colleagues, rng.randint(1, 3))
                extra = []
                if org.kind == "customer" and rng.random() < 0.3:
                    p = rng.choice(partners)
                    extra = rng.sample(p.people, 1)
                if rng.random() < 0.15:
                    extra += rng.sample(sub.people, 1)
                self.projects.append({"org": org, "contacts": contacts, "inside": inside, "extra": extra,
                                      "threads": []})
        # The fixed confusions are always projects of their own.
        self.projects.insert(0, {"org": acme, "contacts": [acme.people[0], acme.people[2]],
                                 "inside": [own.people[1], own.people[3]], "extra": [], "threads": []})
        self.projects.insert(1, {"org": northwind, "contacts": list(northwind.people),
                                 "inside": [own.people[2]], "extra": [], "threads": []})
        self.projects.insert(2, {"org": minato, "contacts": minato.people[:2],
                                 "inside": [own.people[4]], "extra": [], "threads": []})
        self.internal_threads = []

    def everyone(self):
        return [p for o in self.orgs for p in o.people]


def pdf_bytes(label):
    # A small, valid-looking PDF whose bytes depend only on the label.
    body = f"%PDF-1.4\n% {label}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    return body.encode() + hashlib.sha256(label.encode()).digest()


class Writer:
    def __init__(self, rng):
        self.rng = rng
        self.counter = 0

    def msgid(self, tag):
        self.counter += 1
        return f"<{tag}.{self.counter:06d}@{OWN}>"

    def message(self, me, to, cc=(), subject="", body="", when=None, reply_to_ids=None, attachments=(),
                tag="m"):
        m = EmailMessage(policy=SMTP)
        m["From"] = me.header()
        m["To"] = ", ".join(p.header() for p in to)
        if cc:
            m["Cc"] = ", ".join(p.header() for p in cc)
        m["Subject"] = subject
        m["Date"] = email.utils.format_datetime(when or START)
        mid = self.msgid(tag)
        m["Message-ID"] = mid
        if reply_to_ids:
            m["In-Reply-To"] = reply_to_ids[-1]
            m["References"] = " ".join(reply_to_ids)
        m.set_content(body)
        for name, data in attachments:
            m.add_attachment(data, maintype="application", subtype="pdf", filename=name)
        if attachments:
            m.set_boundary(f"=_part_{self.counter:06d}")  # not random: the output stays reproducible
        return m, mid


def greeting(person):
    if person.name and any(ord(c) > 0x3000 for c in person.name):
        return f"{person.name.split()[0]}様\n\nいつもお世話になっております。星野商事の佐藤です。\n"
    first = person.name.split()[0] if person.name else "there"
    return f"Dear {first},\n\nThank you for your message.\n"


TOPICS_JP = ["お見積りの件", "打ち合わせ日程のご相談", "納品スケジュールについて", "契約書ドラフト送付",
             "仕様確認のお願い", "請求書送付のご連絡", "定例会議事録", "サンプル発送のご案内"]
TOPICS_EN = ["Quotation", "Meeting schedule", "Delivery plan", "Contract draft", "Specification review",
             "Invoice", "Weekly minutes", "Sample shipment"]
BODY_JP = "下記の件、ご確認のほどよろしくお願いいたします。\n\n以上、よろしくお願いいたします。\n"
BODY_EN = "Please find the details below and let me know if anything is unclear.\n\nBest regards,\nMisaki Sato\n"


def is_jp(person):
    return any(ord(c) > 0x3000 for c in (person.name or ""))


def build_history(world, writer, months, per_project):
    """Threads per project: a new message, replies (the group, sometimes
    fewer), now and then a forward to a colleague. Returns the mbox messages."""
    rng = world.rng
    out = []
    days = months * 30
    for pi, pr in enumerate(world.projects):
        group_ext = pr["contacts"] + pr["extra"]
        n_threads = max(2, per_project // 4)
        for t in range(n_threads):
            lead = pr["contacts"][0]
            jp = is_jp(lead)
            topic = rng.choice(TOPICS_JP if jp else TOPICS_EN)
            subject = f"{topic}（{pr['org'].name}）" if jp else f"{topic} - {pr['org'].name}"
            day = rng.randint(0, days - 10)
            ids = []
            length = rng.randint(2, 5)
            for k in range(length):
                when = START + datetime.timedelta(days=day + k * rng.randint(1, 3), minutes=rng.randint(0, 480))
                # Usual group; now and then one of them is left out.
                to = [p for p in group_ext if p is lead or rng.random() < 0.8]
                cc = [p for p in pr["inside"] if rng.random() < 0.85]
                attachments = []
                if k == 0 and rng.random() < 0.35:
                    attachments = [(f"見積書_{pr['org'].name}_{pi}_{t}.pdf" if jp else
                                    f"quotation_{pr['org'].name}_{pi}_{t}.pdf", pdf_bytes(f"p{pi}t{t}"))]
                m, mid = writer.message(world.me, to, cc, ("" if k == 0 else "Re: ") + subject,
                                        greeting(lead) + (BODY_JP if jp else BODY_EN), when,
                                        list(ids) if ids else None, attachments, tag=f"p{pi}")
                ids.append(mid)
                out.append(m)
            if rng.random() < 0.2:  # forward inside the house
                fw = rng.choice(world.own.people[1:])
                when = START + datetime.timedelta(days=day + length * 2)
                m, mid = writer.message(world.me, [fw], (), "Fwd: " + subject, "転送します。\n", when,
                                        list(ids), tag=f"p{pi}")
                ids.append(mid)
                out.append(m)
            pr["threads"].append({"subject": subject, "ids": ids, "jp": jp})
    # Internal threads among colleagues.
    colleagues = world.own.people[1:]
    for t in range(max(4, per_project)):
        group = rng.sample(colleagues, rng.randint(2, 4))
        subject = rng.choice(["部内会議の件", "出張報告", "来期予算について", "勤怠システム更新", "Team lunch"])
        day = rng.randint(0, days - 5)
        ids = []
        for k in range(rng.randint(1, 4)):
            when = START + datetime.timedelta(days=day + k, minutes=rng.randint(0, 300))
            m, mid = writer.message(world.me, group[:2], group[2:], ("" if k == 0 else "Re: ") + subject,
                                    "各位\n\n共有します。\n", when, list(ids) if ids else None, tag="int")
            ids.append(mid)
            out.append(m)
        world.internal_threads.append({"subject": subject, "ids": ids, "group": group})
    out.sort(key=lambda m: email.utils.parsedate_to_datetime(m["Date"]))
    return out


def similar_by_name(world, person, exclude_orgs, which):
    """Contacts at other organisations sharing the surname (which=0) or the given name (which=1)."""
    if not person.name:
        return []
    words = person.name.split()
    if len(words) != 2:
        return []
    # Japanese: 姓 名; English: First Last.
    key = words[0] if is_jp(person) else words[1]
    if which == 1:
        key = words[1] if is_jp(person) else words[0]
    out = []
    for p in world.everyone():
        if p.address not in world.known or p.org in exclude_orgs or p.org.kind == "internal" or not p.name or p is person:
            continue
        w = p.name.split()
        if len(w) != 2 or is_jp(p) != is_jp(person):
            continue
        k = (w[0] if is_jp(p) else w[1]) if which == 0 else (w[1] if is_jp(p) else w[0])
        if k == key:
            out.append(p)
    return out


def build_tests(world, writer, n_legit, n_mistake_rounds, known):
    rng = world.rng
    tests = []  # (EmailMessage, label)
    end = START + datetime.timedelta(days=200)
    # The wrong people of the mistakes are known: sent to before.
    everyone_ext = [p for p in world.everyone() if p.org.kind != "internal" and p.address in known]

    def project_message(pr, replace=None, add=(), reply=True, body_person=None, attachments=(), tag="t"):
        thread = rng.choice(pr["threads"])
        lead = pr["contacts"][0]
        to = [p for p in pr["contacts"] + pr["extra"] if p is lead or rng.random() < 0.8]
        cc = [p for p in pr["inside"] if rng.random() < 0.85]
        if replace:
            old, new = replace
            if old not in to:
                to.insert(0, old)
            to = [new if p is old else p for p in to]
        to = to + list(add)
        who = body_person or to[0]
        jp = thread["jp"]
        body = greeting(who) + (BODY_JP if jp else BODY_EN)
        subject = ("Re: " if reply else "") + thread["subject"]
        m, _ = writer.message(world.me, to, cc, subject, body, end, thread["ids"] if reply else None,
                              attachments, tag=tag)
        return m

    # Legitimate: mostly ordinary mail to the usual groups; some internal; a
    # few replies that leave people out; an occasional new contact at a known
    # customer (first-time-recipient: shown, not confirmed).
    for i in range(n_legit):
        r = rng.random()
        if r < 0.12:
            th = rng.choice(world.internal_threads)
            m, _ = writer.message(world.me, th["group"][:2], th["group"][2:], "Re: " + th["subject"],
                                  "各位\n\n承知しました。\n", end, th["ids"], tag="legit")
            kind = "internal-reply"
        elif r < 0.14:
            pr = rng.choice(world.projects)
            newbie = Person("新井 彩", f"aya.arai{i}@{pr['org'].domains[0]}", pr["org"])
            m = project_message(pr, add=[newbie], reply=False, tag="legit")
            kind = "new-contact-at-known-customer"
        elif r < 0.16:
            pr = rng.choice([p for p in world.projects if len(p["org"].domains) > 1] or world.projects)
            m = project_message(pr, reply=True, attachments=[("議事録.pdf", pdf_bytes(f"legit{i}"))],
                                tag="legit")
            kind = "reply-with-new-attachment"
        else:
            pr = rng.choice(world.projects)
            m = project_message(pr, reply=rng.random() < 0.5, tag="legit")
            kind = "usual-group"
        tests.append((m, {"legitimate": True, "kind": kind}))

    def mistake(m, kind, wrong, meant, checks, covered=True):
        tests.append((m, {"legitimate": False, "kind": kind, "wrong": wrong, "meant": meant,
                          "checks": checks, "covered": covered}))

    for round_ in range(n_mistake_rounds):
        projects = list(world.projects)
        rng.shuffle(projects)
        # 1/2. Autocomplete picked a namesake at another organisation.
        for which, kind in ((0, "wrong-person-same-surname"), (1, "wrong-person-same-given-name")):
            for pr in projects:
                orgs = {pr["org"]} | {p.org for p in pr["extra"]}
                choices = [(c, x) for c in pr["contacts"] for x in similar_by_name(world, c, orgs, which)]
                if choices:
                    c, x = rng.choice(choices)
                    m = project_message(pr, replace=(c, x), reply=rng.random() < 0.5, tag="mis")
                    # A new message whose only other recipients are colleagues
                    # who were all written to with the namesake before looks
                    # exactly like ordinary mail to the namesake: nothing in
                    # the message or the history says who was meant (only the
                    # subject does, and no check reads it). Reported, not covered.
                    others = {a.lower() for f in ("To", "Cc") for _, a in email.utils.getaddresses(m.get_all(f, []))
                              if a.lower() != x.address.lower()}
                    hidden = ("In-Reply-To" not in m and all(a.endswith("@" + OWN) for a in others) and
                              all(frozenset((a, x.address.lower())) in world.pairs for a in others))
                    mistake(m, kind, x.address, c.address, [] if hidden else ["unusual-recipient"],
                            covered=not hidden)
                    break
        # 3. A known person of another organisation added to a thread.
        pr = projects[0]
        orgs = {pr["org"]} | {p.org for p in pr["extra"]}
        outsider = rng.choice([p for p in everyone_ext if p.org not in orgs and p.org.kind != "subsidiary"])
        mistake(project_message(pr, add=[outsider], reply=True, tag="mis"), "outsider-added-to-thread",
                outsider.address, None, ["unusual-recipient", "thread-new-domain"])
        # 4. Reply-all on an internal thread adds an outside party.
        th = world.internal_threads[round_ % len(world.internal_threads)]
        outsider = rng.choice(everyone_ext)
        m, _ = writer.message(world.me, th["group"][:2] + [outsider], th["group"][2:], "Re: " + th["subject"],
                              "各位\n\n承知しました。\n", end, th["ids"], tag="mis")
        mistake(m, "reply-all-adds-outsider-to-internal-thread", outsider.address, None,
                ["unusual-recipient", "thread-new-domain"])
        # 5. A colleague's private address.
        col = world.own.people[1 + round_ % (len(world.own.people) - 1)]
        private = Person(col.name, f"{col.address.split('@')[0].replace('.', '')}{1980 + round_}@gmail.com",
                         None)
        pr = projects[1]
        m = project_message(pr, add=[private], reply=True, tag="mis")
        mistake(m, "colleague-private-address", private.address, col.address, ["name-address-mismatch"])
        # 6. Typo and look-alike domains of a known domain.
        pr = projects[2]
        c = pr["contacts"][0]
        local, domain = c.address.split("@")
        label, _, suffix = domain.partition(".")
        # A typo that is itself a real domain (another company's) is not a
        # look-alike but a different organisation: such variants are skipped.
        taken = {d for o in world.orgs for d in o.domains} | {a.split("@")[1] for a in world.known} | {OWN}

        def free(d):
            return d not in taken and f"{local}@{d}" not in world.known
        variants = []
        if suffix == "co.jp":
            variants.append(("look-alike-changed-public-suffix", f"{label}.co.jo"))
        else:
            variants.append(("look-alike-changed-public-suffix", f"{label}.co"))
        i = rng.randint(1, len(label) - 2)
        if label[i] != label[i + 1]:
            # The drawn position first, then the next ones, until a swap makes no real domain.
            for j in [i] + list(range(i + 1, len(label) - 1)) + list(range(1, i)):
                swapped = label[:j] + label[j + 1] + label[j] + label[j + 2:] + "." + suffix
                if label[j] != label[j + 1] and free(swapped):
                    variants.append(("typo-transposed-letters", swapped))
                    break
        if "m" in label:
            variants.append(("look-alike-rn-for-m", label.replace("m", "rn", 1) + "." + suffix))
        else:
            variants.append(("look-alike-rn-for-m", label.replace("n", "m", 1) + "." + suffix)
                            if "n" in label else ("typo-missing-letter", label[:-1] + "." + suffix))
        for latin, cyr in (("a", "а"), ("o", "о"), ("e", "е"), ("c", "с"), ("i", "і")):
            if latin in label:
                variants.append(("look-alike-homoglyph", label.replace(latin, cyr, 1) + "." + suffix))
                break
        for kind, bad in variants:
            if not free(bad):
                continue
            wrong = Person(c.name, f"{local}@{bad}", None)
            mistake(project_message(pr, replace=(c, wrong), reply=rng.random() < 0.5, tag="mis"), kind,
                    wrong.address, c.address, ["look-alike-domain"])
        # 7. The file sent to one customer goes to another.
        pr = projects[3]
        # Only files the history holds count: the first message of a thread had
        # one with probability 0.35, so look for one that was really sent.
        sent = [(world.projects.index(p), k, p) for p in world.projects for k in range(len(p["threads"]))
                if p["org"] is not pr["org"] and p.get("files", {}).get(k)]
        if sent:
            pi, t, donor = rng.choice(sent)
            sent_name = donor["files"][t]
            mistake(project_message(pr, attachments=[(sent_name, pdf_bytes(f"p{pi}t{t}"))], reply=False,
                                    tag="mis"),
                    "attachment-sent-before-to-another-customer", None, None, ["attachment-new-domain"])
        # 7b. A new file whose name names another customer: no check reads names.
        other = rng.choice([o for o in world.orgs if o is not pr["org"] and o.kind == "customer"])
        mistake(project_message(pr, attachments=[(f"見積書_{other.name}様.pdf", pdf_bytes(f"new{round_}"))],
                                reply=False, tag="mis"),
                "attachment-name-of-another-customer", None, None, [], covered=False)
        # 8. The greeting names someone who is not among the recipients.
        # On a project whose people all have names of the greeting's script:
        # with a mixed group, greeting-mismatch cannot tell and stays silent by design.
        pr = next(p for p in projects[4:] + projects[:4]
                  if len({is_jp(q) for q in p["contacts"] + p["extra"]}) == 1)
        stranger = rng.choice([p for p in everyone_ext if p.org is not pr["org"] and p.name and
                               p not in pr["contacts"] and p not in pr["extra"] and
                               all(p.name.split()[0] != q.name.split()[0] for q in pr["contacts"] + pr["extra"]
                                   if q.name)])
        mistake(project_message(pr, body_person=stranger, reply=False, tag="mis"), "greeting-names-someone-else",
                None, None, ["greeting-mismatch"])
    return tests


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--size", choices=["small", "full"], default="full")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    small = args.size == "small"
    world = World(rng, 8 if small else 26)
    writer = Writer(rng)
    history = build_history(world, writer, 6, 8 if small else 16)
    # Which thread starters carried a file (looked up by the attachment mistake).
    for pi, pr in enumerate(world.projects):
        pr["files"] = {}
    for m in history:
        for part in m.iter_attachments():
            name = part.get_filename()
            tag = m["Message-ID"].split(".")[0].lstrip("<")
            if tag.startswith("p"):
                pi = int(tag[1:])
                ids = [th["ids"][0] for th in world.projects[pi]["threads"]]
                if m["Message-ID"] in ids:
                    world.projects[pi]["files"][ids.index(m["Message-ID"])] = name
    world.known = {a.lower() for m in history for f in ("To", "Cc") for _, a in email.utils.getaddresses(m.get_all(f, []))}
    # Who was written to together (pairs of addresses of one history message).
    world.pairs = set()
    for m in history:
        group = sorted({a.lower() for f in ("To", "Cc") for _, a in email.utils.getaddresses(m.get_all(f, []))})
        world.pairs.update(frozenset((a, b)) for k, a in enumerate(group) for b in group[k + 1:])
    tests = build_tests(world, writer, 40 if small else 300, 2 if small else 8, world.known)

    os.makedirs(os.path.join(args.out, "messages"), exist_ok=True)
    box_path = os.path.join(args.out, "Sent")
    if os.path.exists(box_path):
        os.remove(box_path)
    box = mailbox.mbox(box_path)
    for m in history:
        # An explicit From_ line: mailbox would otherwise stamp the current time.
        entry = mailbox.mboxMessage(m)
        entry.set_from(world.me.address, email.utils.parsedate_to_datetime(m["Date"]).utctimetuple())
        box.add(entry)
    box.close()
    labels = []
    for i, (m, label) in enumerate(tests):
        name = f"{i:04d}.eml"
        with open(os.path.join(args.out, "messages", name), "wb") as f:
            f.write(m.as_bytes(policy=SMTP))
        label["file"] = name
        labels.append(label)
    with open(os.path.join(args.out, "labels.json"), "w", encoding="utf-8") as f:
        json.dump({"seed": args.seed, "size": args.size, "history_messages": len(history), "messages": labels},
                  f, ensure_ascii=False, indent=1)
    # One organisation's several domains, as an administrator would list them
    # (acme is also learned from co-occurrence; sakura-tech only from this list).
    with open(os.path.join(args.out, "y.ini"), "w", encoding="utf-8") as f:
        f.write(f"data_dir={os.path.join(args.out, 'data')}\n[policy]\ninternal_domains={OWN}, *.{OWN}\n"
                "same_organisation=sakura-tech.co.jp sakuratech.com\n")


if __name__ == "__main__":
    main()
