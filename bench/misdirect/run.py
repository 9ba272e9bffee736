#!/usr/bin/python3
"""Runs the labelled mis-send benchmark against a yubisashi binary and scores it.

Generates the benchmark (generate.py) into a throwaway folder, imports its
Sent mbox with `yubisashi import-history`, judges every new message with
`yubisashi check --json`, and prints:
  - per mistake kind: how many, caught by any acknowledgement or block that
    names the wrong recipient, caught by the check meant for it, and (where the
    label says who was meant) whether the finding names the right address;
  - per check: recall over the mistakes labelled for it;
  - overall recall over the covered mistakes, and acknowledgements (findings
    with needs_acknowledgement) per 100 legitimate messages.
With --min-recall / --max-acks it exits 1 when a number misses (regression guard).
"""
import argparse
import collections
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def key(address):
    local, _, domain = (address or "").strip().rpartition("@")
    try:
        domain = domain.encode("idna").decode()
    except UnicodeError:
        pass
    return f"{local.lower()}@{domain.lower()}"


def isolated_env(work):
    # A private HOME and XDG folders (as tests/e2e do): nothing of the person
    # running the benchmark is read or written.
    home = os.path.join(work, "home")
    env = dict(os.environ)
    env.update({"HOME": home, "XDG_CONFIG_HOME": os.path.join(home, ".config"),
                "XDG_DATA_HOME": os.path.join(home, ".local/share"),
                "XDG_CACHE_HOME": os.path.join(home, ".cache"),
                "XDG_RUNTIME_DIR": os.path.join(work, "run"), "TMPDIR": os.path.join(work, "tmp"),
                "QT_QPA_PLATFORM": "offscreen", "LC_ALL": "C.UTF-8", "LANGUAGE": "en"})
    for d in ("home", "run", "tmp"):
        os.makedirs(os.path.join(work, d), mode=0o700, exist_ok=True)
    return env


def check(binary, env, work, name):
    p = subprocess.run([binary, "check", "--json", "--config", os.path.join(work, "y.ini"),
                        os.path.join(work, "messages", name)], env=env, capture_output=True, timeout=300)
    if p.returncode not in (0, 1, 2):
        raise RuntimeError(f"check {name} failed ({p.returncode}): {p.stderr.decode(errors='replace')}")
    return json.loads(p.stdout)


def stopping(findings):
    return [f for f in findings if f.get("needs_acknowledgement") or f.get("severity") == "block"]


def points_at(finding, wrong):
    return wrong is None or key(wrong) in {key(a) for a in finding.get("recipients", [])}


def score(labels, reviews):
    kinds = collections.OrderedDict()
    per_check = collections.OrderedDict()
    legit = {"n": 0, "acks": 0, "stopped": 0, "by_code": collections.Counter()}
    covered = {"n": 0, "any": 0, "expected": 0}
    relation = {"n": 0, "caught": 0, "meant": 0}
    for label, review in zip(labels, reviews):
        findings = review["findings"]
        if label["legitimate"]:
            acks = [f for f in findings if f.get("needs_acknowledgement")]
            legit["n"] += 1
            legit["acks"] += len(acks)
            legit["stopped"] += bool(stopping(findings))
            legit["by_code"].update(f["code"] for f in acks)
            continue
        wrong = label.get("wrong")
        stops = [f for f in stopping(findings) if points_at(f, wrong)]
        any_ok = bool(stops)
        expected = [f for f in stops if f["code"] in label["checks"]]
        meant = label.get("meant")
        named = None
        # Only these checks say which address or domain was meant.
        if meant and set(label["checks"]) & {"unusual-recipient", "look-alike-domain"}:
            named = any(key(f.get("suggested_address", "")) == key(meant) or
                        (f.get("similar_domain") and f["similar_domain"] == meant.rpartition("@")[2])
                        for f in expected)
        k = kinds.setdefault(label["kind"], {"n": 0, "any": 0, "expected": 0, "meant_n": 0, "meant": 0,
                                             "uncovered": 0, "checks": []})
        k["n"] += 1
        k["uncovered"] += not label["covered"]
        k["checks"] += [c for c in label["checks"] if c not in k["checks"]]
        k["any"] += any_ok
        k["expected"] += bool(expected)
        if named is not None:
            k["meant_n"] += 1
            k["meant"] += named
        if label["covered"]:
            covered["n"] += 1
            covered["any"] += any_ok
            covered["expected"] += bool(expected)
        for code in label["checks"]:
            c = per_check.setdefault(code, {"n": 0, "caught": 0})
            c["n"] += 1
            c["caught"] += any(f["code"] == code for f in stops)
        if label["covered"] and (label["kind"].startswith("wrong-person") or
                                 label["kind"] == "outsider-added-to-thread"):
            relation["n"] += 1
            relation["caught"] += any(f["code"] == "unusual-recipient" for f in stops)
            relation["meant"] += bool(named) if meant else 0
    return kinds, per_check, legit, covered, relation


def pct(a, b):
    return f"{100.0 * a / b:5.1f}%" if b else "   - "


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary")
    ap.add_argument("--size", choices=["small", "full"], default="full")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--min-recall", type=float, help="fail below this recall (%%) on covered mistakes")
    ap.add_argument("--max-acks", type=float, help="fail above this many acknowledgements per 100 legitimate")
    ap.add_argument("--keep", action="store_true", help="keep the work folder and print where it is")
    ap.add_argument("--json", help="write the scores to this file")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="misdirect-")
    try:
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), work, "--size", args.size,
                        "--seed", str(args.seed)], check=True)
        env = isolated_env(work)
        p = subprocess.run([args.binary, "import-history", os.path.join(work, "Sent"), "--config",
                            os.path.join(work, "y.ini")], env=env, capture_output=True)
        if p.returncode != 0:
            sys.exit(f"import-history failed ({p.returncode}): {p.stderr.decode(errors='replace')}")
        meta = json.load(open(os.path.join(work, "labels.json"), encoding="utf-8"))
        labels = meta["messages"]
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            reviews = list(pool.map(lambda l: check(args.binary, env, work, l["file"]), labels))
        kinds, per_check, legit, covered, relation = score(labels, reviews)

        print(f"misdirect benchmark: seed {meta['seed']}, size {meta['size']}, "
              f"{meta['history_messages']} history messages, {legit['n']} legitimate and "
              f"{len(labels) - legit['n']} mistaken new messages")
        print()
        print(f"{'mistake':46} {'n':>3} {'any ack':>8} {'its check':>10} {'meant named':>12}  checks")
        for kind, k in kinds.items():
            meant = f"{k['meant']}/{k['meant_n']}" if k["meant_n"] else "-"
            note = ("" if not k["uncovered"] else "  (not covered)" if k["uncovered"] == k["n"]
                    else f"  ({k['uncovered']} not covered)")
            print(f"{kind:46} {k['n']:3} {pct(k['any'], k['n']):>8} {pct(k['expected'], k['n']):>10} "
                  f"{meant:>12}  {', '.join(k['checks']) or '-'}{note}")
        print()
        print("recall per check (mistakes labelled for it, caught by it with an acknowledgement or block):")
        for code, c in per_check.items():
            print(f"  {code:30} {c['caught']:3}/{c['n']:<3} {pct(c['caught'], c['n'])}")
        print()
        recall = 100.0 * covered["expected"] / covered["n"] if covered["n"] else 100.0
        acks = 100.0 * legit["acks"] / legit["n"] if legit["n"] else 0.0
        print(f"overall recall, covered mistakes, by the check meant for them: "
              f"{covered['expected']}/{covered['n']} = {recall:.1f}%")
        print(f"overall recall, covered mistakes, by any acknowledgement naming the wrong recipient: "
              f"{covered['any']}/{covered['n']} = {pct(covered['any'], covered['n']).strip()}")
        print(f"relationship cases (namesake at another organisation, outsider added to a thread): "
              f"unusual-recipient caught {relation['caught']}/{relation['n']}, "
              f"right address named {relation['meant']} (of those with a namesake)")
        print(f"acknowledgements per 100 legitimate messages: {acks:.2f} "
              f"({legit['acks']} in {legit['n']}; {legit['stopped']} messages stopped"
              + (f"; {', '.join(f'{c} {n}' for c, n in legit['by_code'].most_common())})" if legit["acks"] else ")"))
        if args.json:
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump({"recall": recall, "acks_per_100": acks, "kinds": kinds, "per_check": per_check,
                           "legit": {**legit, "by_code": dict(legit["by_code"])}, "relation": relation}, f,
                          indent=1)
        failed = False
        if args.min_recall is not None and recall < args.min_recall:
            print(f"FAIL: recall {recall:.1f}% is below {args.min_recall}%", file=sys.stderr)
            failed = True
        if args.max_acks is not None and acks > args.max_acks:
            print(f"FAIL: {acks:.2f} acknowledgements per 100 legitimate messages, more than {args.max_acks}",
                  file=sys.stderr)
            failed = True
        if args.keep:
            print(f"work folder kept: {work}")
        sys.exit(1 if failed else 0)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
