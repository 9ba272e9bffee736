#!/usr/bin/env python3
"""Writes the administrator's policy templates from one table:

  deploy/windows/yubisashi.admx, deploy/windows/{en-US,ja-JP}/yubisashi.adml
      Group Policy templates: every key twice, locked (Policies\\Yubisashi\\GROUP)
      and recommended (Policies\\Yubisashi\\Recommended\\GROUP).
  deploy/windows/yubisashi-sample.reg   the sample policy as a registry export
  deploy/macos/yubisashi.mobileconfig   the sample policy as a configuration profile
  deploy/linux/policy.ini               the sample policy, every other key as a comment

The keys must be the ones the code accepts in a policy
(Settings::AdminPolicy::templateKeys() and Review::CheckRegistry::codes());
tests/core/TestPolicyTemplates.cpp checks that, and the test
policy_templates_current runs this script with --check, which fails when a
committed file differs from what the table gives.

Usage: scripts/policy-templates.py [--check]
"""
import argparse
import pathlib
import sys
import uuid
from xml.sax.saxutils import escape

ROOT = pathlib.Path(__file__).resolve().parent.parent

# (key, type, en name, ja name). Types: ("int", min, max), ("bool",),
# ("choice", [words]), ("text",), ("list",), ("path",), ("url",).
GROUPS = [
    ("general", "General", "全般"),
    ("listener", "Local mail server", "ローカルメールサーバー"),
    ("delivery", "Delivery and timing", "送信とタイミング"),
    ("policy", "Review and lists", "確認とリスト"),
    ("checks", "Checks", "チェック"),
    ("accounts", "Every account and sign-in", "すべてのアカウントとサインイン"),
    ("secrets", "Secret store", "シークレットの保存先"),
]

ACTIONS = ["off", "show", "confirm", "block"]

KEYS = [
    ("general/certificate_source", ("path",), "Certificate folder (%email%, %user%)",
     "証明書の配布フォルダー (%email%, %user%)"),
    ("general/data_dir", ("path",), "Data folder", "データフォルダー"),
    ("general/language", ("choice", ["system", "en", "ja"]), "Language", "表示言語"),
    ("general/start_at_login", ("bool",), "Start at login", "ログイン時に起動"),
    ("listener/port", ("int", 1, 65535), "Port for mail programs", "メールソフトの接続ポート"),
    ("listener/require_auth", ("bool",), "Mail programs must log in", "メールソフトのログインを必須にする"),
    ("listener/max_sessions", ("int", 1, 1000), "Most connections at once", "同時接続数の上限"),
    ("listener/max_message_size", ("int", 1024, 1073741824), "Largest message (bytes)",
     "メールの最大サイズ (バイト)"),
    ("listener/max_recipients", ("int", 1, 100000), "Most recipients per message", "1 通あたりの送信先数の上限"),
    ("delivery/client_wait_seconds", ("int", 0, 600), "Mail program wait (seconds)",
     "メールソフトの待ち時間 (秒)"),
    ("delivery/countdown_seconds", ("int", 0, 60), "Countdown after Send (seconds)",
     "送信後のカウントダウン (秒)"),
    ("delivery/test_mode_folder", ("path",), "Test mode folder", "テストモードの保存先"),
    ("delivery/retry_initial_seconds", ("int", 1, 86400), "First retry after (seconds)",
     "最初の再送までの時間 (秒)"),
    ("delivery/retry_max_seconds", ("int", 1, 604800), "Longest wait between retries (seconds)",
     "再送間隔の上限 (秒)"),
    ("delivery/give_up_hours", ("int", 1, 8760), "Give up after (hours)", "送信をあきらめるまでの時間 (時間)"),
    ("delivery/retention_days", ("int", 0, 3650), "Keep sent messages (days)", "送信済みメールの保存期間 (日)"),
    ("delivery/upstream_timeout_seconds", ("int", 5, 3600), "Server answer timeout (seconds)",
     "送信サーバーの応答待ち時間 (秒)"),
    ("delivery/upstream_connections", ("int", 0, 10), "Connections kept open per account",
     "アカウントごとに開いたままにする接続数"),
    ("policy/internal_domains", ("list",), "Internal domains", "社内ドメイン"),
    ("policy/review", ("choice", ["always", "external", "never"]), "When to review", "確認画面を表示する条件"),
    ("policy/blocked_domains", ("list",), "Blocked domains", "送信禁止ドメイン"),
    ("policy/caution_domains", ("list",), "Caution domains", "要注意ドメイン"),
    ("policy/known_domains", ("list",), "Known domains (look-alike references)", "既知のドメイン (類似ドメインの比較先)"),
    ("policy/same_organisation", ("text",), "Domains of one organisation (groups separated by commas)",
     "同じ組織のドメイン (組織ごとにカンマで区切る)"),
    ("policy/keywords", ("list",), "Keywords", "キーワード"),
    ("policy/risky_extensions", ("list",), "Risky file extensions", "危険な拡張子"),
    ("policy/many_external_threshold", ("int", 1, 100000), "Many external addresses from",
     "社外アドレスが多いとみなす件数"),
    ("policy/many_external_domains_threshold", ("int", 0, 100000), "Many external domains from",
     "社外ドメインが多いとみなす件数"),
    ("policy/landline_phone_threshold", ("int", 1, 1000), "Landline numbers counted from",
     "固定電話番号を個人情報とみなす件数"),
    ("policy/many_external_bcc", ("choice", ["offer", "always"]), "Move many external addresses to Bcc",
     "多数の社外アドレスを BCC に移す"),
    ("policy/allow_scripted_decisions", ("bool",), "Allow --decide (scripted reviews)",
     "--decide (スクリプトによる確認) を許可する"),
    ("policy/allow_pause", ("bool",), "Allow Pause protection", "保護の一時停止を許可する"),
    ("secrets/store", ("choice", ["keychain", "file"]), "Secret store", "シークレットの保存先"),
    ("secrets/file", ("path",), "Secrets file", "シークレットファイル"),
    ("accounts/preset", ("choice", ["microsoft365", "google", "generic"]), "Provider preset", "プロバイダーのプリセット"),
    ("accounts/from", ("list",), "Sender addresses", "差出人アドレス"),
    ("accounts/host", ("text",), "Submission server", "送信サーバー"),
    ("accounts/port", ("int", 1, 65535), "Submission server port", "送信サーバーのポート"),
    ("accounts/security", ("choice", ["starttls", "tls", "none"]), "Connection security", "接続の暗号化"),
    ("accounts/auth", ("choice", ["plain", "login", "xoauth2", "none"]), "Sign-in method", "認証方式"),
    ("accounts/user", ("text",), "Server user name", "サーバーのユーザー名"),
    ("accounts/ca_file", ("path",), "Extra certificate authority (PEM)", "追加の認証局 (PEM)"),
    ("accounts/smime_p12", ("path",), "S/MIME certificate file", "S/MIME 証明書ファイル"),
    ("accounts/sign", ("choice", ["always", "external", "never"]), "When to sign (S/MIME)", "S/MIME 署名の条件"),
    ("accounts/encrypt", ("choice", ["never", "when-possible", "required-for-domains"]),
     "When to encrypt (S/MIME)", "S/MIME 暗号化の条件"),
    ("accounts/encrypt_domains", ("list",), "Domains that require encryption", "暗号化が必須のドメイン"),
    ("accounts/allow_plaintext_auth", ("bool",), "Allow sign-in without encryption",
     "暗号化なしのサインインを許可する"),
    ("accounts/oauth_client_id", ("text",), "Sign-in application (client) ID", "サインイン用アプリケーション (クライアント) ID"),
    ("accounts/oauth_client_secret", ("text",), "Sign-in client secret (Google desktop apps)",
     "サインイン用クライアントシークレット (Google デスクトップアプリ)"),
    ("accounts/oauth_tenant", ("text",), "Microsoft 365 tenant", "Microsoft 365 テナント"),
    ("accounts/oauth_authorize_url", ("url",), "Sign-in authorization address", "サインインの認可エンドポイント"),
    ("accounts/oauth_token_url", ("url",), "Sign-in token address", "サインインのトークンエンドポイント"),
    ("accounts/oauth_device_url", ("url",), "Sign-in device-code address", "サインインのデバイスコードエンドポイント"),
    ("accounts/oauth_scopes", ("text",), "Sign-in scopes", "サインインのスコープ"),
]

CHECKS = [
    ("external-recipient", "External recipients", "社外の送信先"),
    ("first-time-recipient", "First-time recipients", "初めての送信先"),
    ("first-time-domain", "First-time domains", "初めてのドメイン"),
    ("many-external-visible", "Many visible external addresses", "表示される社外アドレスが多い"),
    ("blocked-domain", "Blocked domains", "送信禁止ドメイン"),
    ("caution-domain", "Caution domains", "要注意ドメイン"),
    ("attachment", "Attachments", "添付ファイル"),
    ("keyword", "Keywords", "キーワード"),
    ("personal-data", "Personal data", "個人情報"),
    ("envelope-header-mismatch", "Hidden or missing recipients", "隠れた送信先・届かない送信先"),
    ("look-alike-domain", "Look-alike domains", "類似ドメイン"),
    ("name-address-mismatch", "Name and address do not match", "名前とアドレスの不一致"),
    ("greeting-mismatch", "Greeting names someone else", "宛名と送信先の不一致"),
    ("thread-new-domain", "Reply adds a new domain", "返信で新しいドメインが追加された"),
    ("attachment-new-domain", "File sent before to another domain", "以前に別のドメインへ送ったファイル"),
    ("sender-certificate", "Sender certificate", "差出人の証明書"),
    ("unusual-recipient", "A known recipient not usually with the others", "いつもと違う組み合わせの送信先"),
]
for code, en, ja in CHECKS:
    KEYS.append(("checks/" + code, ("choice", ACTIONS), "Check: " + en, "チェック: " + ja))

# The sample policy: (key, tier, value). The same in policy.ini, the .reg and the mobileconfig.
SAMPLE = [
    ("policy/internal_domains", "locked", "example.co.jp, *.example.co.jp"),
    ("policy/review", "locked", "external"),
    ("policy/allow_pause", "locked", "false"),
    ("checks/sender-certificate", "locked", "block"),
    ("checks/first-time-recipient", "recommended", "confirm"),
    ("accounts/oauth_client_id", "locked", "00000000-0000-0000-0000-000000000000"),
    ("accounts/oauth_tenant", "locked", "example.onmicrosoft.com"),
    ("delivery/countdown_seconds", "recommended", "5"),
    ("general/language", "recommended", "ja"),
]

EXPLAIN_EN = {
    "locked": "Locked: every person gets this value and cannot change it; Settings shows a lock. "
              "Not configured: the person's own setting (or a recommended value) applies.",
    "recommended": "Recommended: a default. A person who sets their own value in Settings keeps it. "
                   "A locked value of the same setting wins over this one.",
}
EXPLAIN_JA = {
    "locked": "固定: すべての利用者にこの値が適用され、利用者は変更できません。設定画面には鍵のマークが表示されます。"
              "未構成の場合は利用者自身の設定 (または推奨値) が使われます。",
    "recommended": "推奨: 既定値です。利用者が設定画面で自分の値を設定した場合は、その値が使われます。"
                   "同じ設定の固定値がある場合は固定値が優先されます。",
}


def ident(key):
    return key.replace("/", "_").replace("-", "_").replace(".", "_")


def describe(kind, lang):
    t = kind[0]
    if lang == "en":
        return {
            "int": lambda: f"A whole number from {kind[1]} to {kind[2]}.",
            "bool": lambda: "Enabled = true, Disabled = false.",
            "choice": lambda: "One of: " + ", ".join(kind[1]) + ".",
            "text": lambda: "Text.",
            "list": lambda: "A comma-separated list.",
            "path": lambda: "A file or folder; use an absolute path.",
            "url": lambda: "An https address.",
        }[t]()
    return {
        "int": lambda: f"{kind[1]} から {kind[2]} までの整数。",
        "bool": lambda: "有効 = true、無効 = false。",
        "choice": lambda: "次のいずれか: " + ", ".join(kind[1]) + "。",
        "text": lambda: "テキスト。",
        "list": lambda: "カンマ区切りのリスト。",
        "path": lambda: "ファイルまたはフォルダー (絶対パスで指定)。",
        "url": lambda: "https のアドレス。",
    }[t]()


TIERS = [("locked", ""), ("recommended", "_recommended")]


def admx():
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<!-- Generated by scripts/policy-templates.py; edit the table there, not this file. -->',
           '<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" '
           'xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">',
           '  <policyNamespaces>',
           '    <target prefix="yubisashi" namespace="Yubisashi.Policies.Yubisashi" />',
           '    <using prefix="windows" namespace="Microsoft.Policies.Windows" />',
           '  </policyNamespaces>',
           '  <resources minRequiredRevision="1.0" />',
           '  <supportedOn>',
           '    <definitions>',
           '      <definition name="SUPPORTED_Yubisashi" displayName="$(string.SUPPORTED_Yubisashi)" />',
           '    </definitions>',
           '  </supportedOn>',
           '  <categories>',
           '    <category name="Yubisashi" displayName="$(string.cat_Yubisashi)" />',
           '    <category name="Yubisashi_recommended" displayName="$(string.cat_Yubisashi_recommended)" />']
    for tier, suffix in TIERS:
        for group, _, _ in GROUPS:
            out.append(f'    <category name="cat_{group}{suffix}" displayName="$(string.cat_{group})">')
            out.append(f'      <parentCategory ref="Yubisashi{suffix}" />')
            out.append('    </category>')
    out.append('  </categories>')
    out.append('  <policies>')
    for tier, suffix in TIERS:
        base = "Software\\Policies\\Yubisashi" + ("\\Recommended" if tier == "recommended" else "")
        for key, kind, _, _ in KEYS:
            group, name = key.split("/")
            pid = ident(key) + suffix
            attrs = (f'name="{pid}" class="Both" displayName="$(string.{ident(key)})" '
                     f'explainText="$(string.{ident(key)}_{tier}_Explain)" key="{base}\\{group}"')
            if kind[0] == "bool":
                out.append(f'    <policy {attrs} valueName="{name}">')
            else:
                out.append(f'    <policy {attrs} presentation="$(presentation.{ident(key)})">')
            out.append(f'      <parentCategory ref="cat_{group}{suffix}" />')
            out.append('      <supportedOn ref="SUPPORTED_Yubisashi" />')
            if kind[0] == "bool":
                out.append('      <enabledValue><decimal value="1" /></enabledValue>')
                out.append('      <disabledValue><decimal value="0" /></disabledValue>')
            elif kind[0] == "int":
                out.append('      <elements>')
                out.append(f'        <decimal id="{ident(key)}" valueName="{name}" minValue="{kind[1]}" '
                           f'maxValue="{kind[2]}" />')
                out.append('      </elements>')
            elif kind[0] == "choice":
                out.append('      <elements>')
                out.append(f'        <enum id="{ident(key)}" valueName="{name}">')
                for word in kind[1]:
                    out.append(f'          <item displayName="$(string.{ident(key)}_{ident(word)})">'
                               f'<value><string>{word}</string></value></item>')
                out.append('        </enum>')
                out.append('      </elements>')
            else:
                out.append('      <elements>')
                out.append(f'        <text id="{ident(key)}" valueName="{name}" maxLength="4096" />')
                out.append('      </elements>')
            out.append('    </policy>')
    out.append('  </policies>')
    out.append('</policyDefinitions>')
    return "\r\n".join(out) + "\r\n"


def adml(lang):
    ja = lang == "ja-JP"
    s = []

    def string(i, text):
        s.append(f'      <string id="{i}">{escape(text)}</string>')

    string("SUPPORTED_Yubisashi", "Yubisashi 1.0 以降" if ja else "Yubisashi 1.0 and later")
    string("cat_Yubisashi", "Yubisashi (固定)" if ja else "Yubisashi (locked)")
    string("cat_Yubisashi_recommended", "Yubisashi (推奨: 利用者が変更可能)" if ja
           else "Yubisashi (recommended: users may change)")
    for group, en, jname in GROUPS:
        string(f"cat_{group}", jname if ja else en)
    for key, kind, en, jname in KEYS:
        string(ident(key), jname if ja else en)
        for tier, _ in TIERS:
            group, name = key.split("/")
            head = f"[{group}] {name} (docs/CONFIG.md)"
            body = EXPLAIN_JA[tier] if ja else EXPLAIN_EN[tier]
            string(f"{ident(key)}_{tier}_Explain", f"{head}\n\n{describe(kind, 'ja' if ja else 'en')}\n\n{body}")
        if kind[0] == "choice":
            for word in kind[1]:
                string(f"{ident(key)}_{ident(word)}", word)
    p = []
    for key, kind, en, jname in KEYS:
        label = escape(jname if ja else en)
        if kind[0] == "bool":
            continue
        p.append(f'      <presentation id="{ident(key)}">')
        if kind[0] == "int":
            p.append(f'        <decimalTextBox refId="{ident(key)}">{label}</decimalTextBox>')
        elif kind[0] == "choice":
            p.append(f'        <dropdownList refId="{ident(key)}" noSort="true">{label}</dropdownList>')
        else:
            p.append(f'        <textBox refId="{ident(key)}"><label>{label}</label></textBox>')
        p.append('      </presentation>')
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<!-- Generated by scripts/policy-templates.py; edit the table there, not this file. -->',
           '<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" '
           'xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">',
           '  <displayName>Yubisashi</displayName>',
           '  <description>' + ("Yubisashi の管理用テンプレート" if ja else "Yubisashi administrative templates")
           + '</description>',
           '  <resources>',
           '    <stringTable>'] + s + ['    </stringTable>', '    <presentationTable>'] + p + [
           '    </presentationTable>', '  </resources>', '</policyDefinitionResources>']
    return "\r\n".join(out) + "\r\n"


def policy_ini():
    out = ["; Yubisashi: the administrator's policy (docs/ADMIN.md, docs/CONFIG.md).",
           "; Linux: /etc/xdg/Yubisashi/policy.ini. Saved as UTF-8. Check it with",
           ";   yubisashi admin --check /etc/xdg/Yubisashi/policy.ini",
           "; [group] locks a key: every person gets the value and cannot change it.",
           "; [recommended/group] recommends one: a default the person may change.",
           "; [accounts] applies to every account, whatever each person named it.",
           "; Generated by scripts/policy-templates.py: the sample values below, then every",
           "; other key as a comment.", ""]
    for tier in ("locked", "recommended"):
        groups = []
        for key, t, _ in SAMPLE:
            g = key.split("/")[0]
            if t == tier and g not in groups:
                groups.append(g)
        for g in groups:
            out.append(f"[{'recommended/' if tier == 'recommended' else ''}{g}]")
            for key, t, value in SAMPLE:
                if t == tier and key.split("/")[0] == g:
                    out.append(f"{key.split('/')[1]}={value}")
            out.append("")
    out.append("; Every other key (remove the ; and put it under its [group] or [recommended/group]):")
    sample_keys = {k for k, _, _ in SAMPLE}
    for group, _, _ in GROUPS:
        out.append(f"; [{group}]")
        for key, kind, en, _ in KEYS:
            if key.split("/")[0] == group and key not in sample_keys:
                what = describe(kind, "en").replace("Enabled = true, Disabled = false.", "true or false.")
                out.append(f";{key.split('/')[1]}=    ; {en}. {what}")
    return "\n".join(out) + "\n"


def reg():
    out = ["Windows Registry Editor Version 5.00", "",
           "; The sample policy as Group Policy writes it (deploy/linux/policy.ini has the same values).",
           "; Generated by scripts/policy-templates.py."]
    last = None
    for tier in ("locked", "recommended"):
        for key, t, value in SAMPLE:
            if t != tier:
                continue
            group, name = key.split("/")
            regkey = ("HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Yubisashi" +
                      ("\\Recommended" if tier == "recommended" else "") + "\\" + group)
            if regkey != last:
                out += ["", f"[{regkey}]"]
                last = regkey
            kind = next(kd for k, kd, _, _ in KEYS if k == key)
            if kind[0] in ("int", "bool"):
                n = int(value) if kind[0] == "int" else (1 if value == "true" else 0)
                out.append(f'"{name}"=dword:{n:08x}')
            else:
                out.append(f'"{name}"="{value}"')
    text = "\r\n".join(out) + "\r\n"
    return b"\xff\xfe" + text.encode("utf-16-le")


def plist_value(key, value, indent):
    kind = next(kd for k, kd, _, _ in KEYS if k == key)
    if kind[0] == "int":
        return f"{indent}<integer>{int(value)}</integer>"
    if kind[0] == "bool":
        return f"{indent}<{'true' if value == 'true' else 'false'}/>"
    return f"{indent}<string>{escape(value)}</string>"


def mobileconfig():
    # Fixed UUIDs: the file is generated, and a profile keeps its identity across versions.
    content_uuid = str(uuid.uuid5(uuid.NAMESPACE_URL, "https://yubisashi.org/policy/content")).upper()
    profile_uuid = str(uuid.uuid5(uuid.NAMESPACE_URL, "https://yubisashi.org/policy/profile")).upper()
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
           '<!-- Generated by scripts/policy-templates.py: the sample policy of deploy/linux/policy.ini. -->',
           '<plist version="1.0">', '<dict>',
           '  <key>PayloadContent</key>', '  <array>', '    <dict>',
           '      <key>PayloadType</key>', '      <string>org.yubisashi.Yubisashi</string>',
           '      <key>PayloadIdentifier</key>', '      <string>org.yubisashi.Yubisashi.policy.settings</string>',
           '      <key>PayloadUUID</key>', f'      <string>{content_uuid}</string>',
           '      <key>PayloadVersion</key>', '      <integer>1</integer>',
           '      <key>PayloadDisplayName</key>', '      <string>Yubisashi settings</string>']

    def groups(tier, indent):
        lines = []
        seen = []
        for key, t, _ in SAMPLE:
            g = key.split("/")[0]
            if t == tier and g not in seen:
                seen.append(g)
        for g in seen:
            lines += [f"{indent}<key>{g}</key>", f"{indent}<dict>"]
            for key, t, value in SAMPLE:
                if t == tier and key.split("/")[0] == g:
                    lines.append(f"{indent}  <key>{key.split('/')[1]}</key>")
                    lines.append(plist_value(key, value, indent + "  "))
            lines.append(f"{indent}</dict>")
        return lines

    out += groups("locked", "      ")
    out += ["      <key>Recommended</key>", "      <dict>"] + groups("recommended", "        ") + ["      </dict>"]
    out += ['    </dict>', '  </array>',
            '  <key>PayloadDisplayName</key>', '  <string>Yubisashi policy</string>',
            '  <key>PayloadIdentifier</key>', '  <string>org.yubisashi.Yubisashi.policy</string>',
            '  <key>PayloadOrganization</key>', '  <string>Example Co., Ltd.</string>',
            '  <key>PayloadScope</key>', '  <string>System</string>',
            '  <key>PayloadType</key>', '  <string>Configuration</string>',
            '  <key>PayloadUUID</key>', f'  <string>{profile_uuid}</string>',
            '  <key>PayloadVersion</key>', '  <integer>1</integer>',
            '</dict>', '</plist>']
    return "\n".join(out) + "\n"


def outputs():
    return {
        "deploy/windows/yubisashi.admx": admx().encode("utf-8"),
        "deploy/windows/en-US/yubisashi.adml": adml("en-US").encode("utf-8"),
        "deploy/windows/ja-JP/yubisashi.adml": adml("ja-JP").encode("utf-8"),
        "deploy/windows/yubisashi-sample.reg": reg(),
        "deploy/macos/yubisashi.mobileconfig": mobileconfig().encode("utf-8"),
        "deploy/linux/policy.ini": policy_ini().encode("utf-8"),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="fail when a committed file differs from what the table gives")
    args = parser.parse_args()
    stale = []
    for rel, data in outputs().items():
        path = ROOT / rel
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(rel)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if stale:
        print("policy-templates: out of date (run scripts/policy-templates.py): " + ", ".join(stale),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
