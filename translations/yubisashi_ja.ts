<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>AdminCommand</name>
    <message>
        <source>Validate the policy file &lt;file&gt;.</source>
        <translation>ポリシーファイル &lt;file&gt; を検証します。</translation>
    </message>
    <message>
        <source>Use the settings file &lt;file&gt;.</source>
        <translation>設定ファイル &lt;file&gt; を使用します。</translation>
    </message>
    <message>
        <source>%1 is not valid: correct the lines above and check it again.</source>
        <translation>%1 には不備があります。上記の行を修正して、もう一度検証してください。</translation>
    </message>
    <message>
        <source>%1 is valid: it locks %2 and recommends %3 settings.</source>
        <translation>%1 は正常です: 固定の設定 %2 件、推奨の設定 %3 件。</translation>
    </message>
    <message>
        <source>The administrator&apos;s window needs a desktop session. To check a policy file without one, run: yubisashi admin --check FILE</source>
        <translation>管理者用ウィンドウにはデスクトップ環境が必要です。デスクトップなしでポリシーファイルを検査するには、yubisashi admin --check FILE を実行してください。</translation>
    </message>
    <message>
        <source>Tools for administrators. Without --check, opens the administrator&apos;s window for writing a policy (FILE: a policy.ini or .reg to open) and saving it as policy.ini, .reg or .mobileconfig. --check FILE validates a policy file (policy.ini, or a .reg export of HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Yubisashi) with the rules Yubisashi applies it by. Exit status: 0 valid, 1 not valid, 3 usage error.</source>
        <translation>管理者向けのツールです。--check を付けない場合は、ポリシーを作成して policy.ini、.reg、.mobileconfig として保存する管理者用ウィンドウを開きます (FILE: 開く policy.ini または .reg)。--check FILE は、ポリシーファイル (policy.ini、または HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Yubisashi を .reg に書き出したもの) を、Yubisashi が適用するときと同じ規則で検査します。終了コード: 0 正しい、1 誤りあり、3 使い方の誤り。</translation>
    </message>
    <message>
        <source>Usage: yubisashi admin [FILE] or yubisashi admin --check FILE</source>
        <translation>使い方: yubisashi admin [FILE] または yubisashi admin --check FILE</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>The settings file %1 cannot be read: %2</source>
        <translation>設定ファイル %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>The local mail-client passwords cannot be read or stored in %1: %2</source>
        <translation>メールソフト用のパスワードを %1 で読み書きできません: %2</translation>
    </message>
    <message>
        <source>The queue folder cannot be used: %1</source>
        <translation>送信キューのフォルダーを使用できません: %1</translation>
    </message>
    <message>
        <source>Cannot listen on port %1: %2. Is Yubisashi already running, or is another program using the port? Choose another port in Settings.</source>
        <translation>ポート %1 で待ち受けできません: %2。Yubisashi がすでに起動しているか、別のプログラムがこのポートを使用している可能性があります。設定で別のポートを選んでください。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Save the account with the sign-in method OAuth first and restart Yubisashi; then press Sign in again.</source>
        <translation>先にサインイン方法を OAuth にしてアカウントを保存し、Yubisashi を再起動してください。その後、もう一度「サインイン」を押してください。</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>設定を保存しました</translation>
    </message>
    <message>
        <source>The settings are saved. Quit Yubisashi from its menu and start it again to use them; messages in the queue are kept.</source>
        <translation>設定を保存しました。新しい設定を使用するには、メニューから Yubisashi を終了して、もう一度起動してください。送信キューのメールはそのまま残ります。</translation>
    </message>
    <message>
        <source>Import certificate</source>
        <translation>証明書のインポート</translation>
    </message>
    <message>
        <source>Import your certificate</source>
        <translation>証明書のインポート</translation>
    </message>
    <message>
        <source>Certificates (*.p12 *.pfx)</source>
        <translation>証明書 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Certificate password</source>
        <translation>証明書のパスワード</translation>
    </message>
    <message>
        <source>The password of %1:</source>
        <translation>%1 のパスワード:</translation>
    </message>
    <message>
        <source>Certificate not imported</source>
        <translation>証明書をインポートできませんでした</translation>
    </message>
    <message>
        <source>Certificate imported</source>
        <translation>証明書をインポートしました</translation>
    </message>
    <message>
        <source>Not signed in yet (save the account and restart Yubisashi first).</source>
        <translation>まだサインインしていません (先にアカウントを保存し、Yubisashi を再起動してください)。</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>%1 としてサインインしています。</translation>
    </message>
    <message>
        <source>Not signed in. Press Sign in.</source>
        <translation>サインインしていません。「サインイン」を押してください。</translation>
    </message>
    <message>
        <source>Sign in again: %1</source>
        <translation>もう一度サインインしてください: %1</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>問題: %1</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>%1 は使用できません: %2</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;, issued by %3, valid %4 to %5, %6</source>
        <translation>%1 &lt;%2&gt;、発行者 %3、有効期間 %4 ～ %5、%6</translation>
    </message>
    <message>
        <source>Not meant for e-mail (no emailProtection): it cannot sign.</source>
        <translation>メール用の証明書ではありません (emailProtection がありません)。署名には使えません。</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>ログイン時に起動</translation>
    </message>
    <message>
        <source>Your administrator requires every message to be reviewed by a person, so Yubisashi cannot start with --decide (reviews answered by a script). Start it without --decide, or ask your administrator to allow it: allow_scripted_decisions=true in [policy] of the policy (%1).</source>
        <translation>管理者の設定により、すべてのメールを人が確認する必要があるため、Yubisashi を --decide (スクリプトによる確認) 付きで起動できません。--decide を付けずに起動するか、管理者に許可を依頼してください (ポリシー %1 の [policy] に allow_scripted_decisions=true)。</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is not in the settings any more.</source>
        <translation>アカウント「%1」は設定にもうありません。</translation>
    </message>
    <message>
        <source>Your organisation has provided your certificate:
%1
Type the password that came with it.</source>
        <translation>組織からご自身の証明書が配布されています:
%1
一緒に受け取ったパスワードを入力してください。</translation>
    </message>
    <message>
        <source>A new certificate is ready</source>
        <translation>新しい証明書が届いています</translation>
    </message>
    <message>
        <source>Your organisation has provided a new certificate for %1. Click here to import it; you only need its password.</source>
        <translation>%1 の新しい証明書が組織から配布されました。ここをクリックしてインポートしてください。必要なのはパスワードだけです。</translation>
    </message>
    <message>
        <source>Your certificate has expired</source>
        <translation>証明書の有効期限が切れました</translation>
    </message>
    <message numerus="yes">
        <source>Your certificate expires in %n day(s)</source>
        <translation>
            <numerusform>証明書の有効期限まであと %n 日です</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>%1 could not be removed.</source>
        <translation>%1 を削除できませんでした。</translation>
    </message>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>フォルダー %1 を作成できませんでした。</translation>
    </message>
    <message>
        <source>%1 could not be written (%2).</source>
        <translation>%1 に書き込めませんでした (%2)。</translation>
    </message>
    <message>
        <source>Checks every recipient before a message leaves</source>
        <translation>送信前にすべての送信先を確認します</translation>
    </message>
    <message>
        <source>The Windows registry entry %1 could not be changed.</source>
        <translation>Windows のレジストリ項目 %1 を変更できませんでした。</translation>
    </message>
</context>
<context>
    <name>CheckCommand</name>
    <message>
        <source>From: %1</source>
        <translation>差出人: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>件名: %1</translation>
    </message>
    <message>
        <source>Recipients (%n):</source>
        <translation>送信先 (%n 件):</translation>
    </message>
    <message>
        <source>%1 (internal)</source>
        <translation>%1 (社内)</translation>
    </message>
    <message>
        <source>%1 (EXTERNAL)</source>
        <translation>%1 (社外)</translation>
    </message>
    <message>
        <source>In To/Cc but will not receive this:</source>
        <translation>宛先/CC にありますが、受信しないアドレス:</translation>
    </message>
    <message>
        <source>Attachments (%n):</source>
        <translation>添付ファイル (%n 件):</translation>
    </message>
    <message>
        <source>Findings: none</source>
        <translation>注意点: なし</translation>
    </message>
    <message>
        <source>Findings:</source>
        <translation>注意点:</translation>
    </message>
    <message>
        <source>, confirm</source>
        <translation>、要確認</translation>
    </message>
    <message>
        <source>Problem in the message: %1</source>
        <translation>メールの問題: %1</translation>
    </message>
    <message>
        <source>Verdict: pass (the message would be sent without a review)</source>
        <translation>判定: pass (確認なしで送信されます)</translation>
    </message>
    <message>
        <source>Verdict: review (the review window would open)</source>
        <translation>判定: review (確認画面が開きます)</translation>
    </message>
    <message>
        <source>Verdict: block (the message would be refused)</source>
        <translation>判定: block (送信を拒否します)</translation>
    </message>
    <message>
        <source>Shows the review the current policy would produce for a message, without sending it. Exit status: 0 pass, 1 review, 2 block, 3 error.</source>
        <translation>現在のポリシーでメールを確認した結果を、送信せずに表示します。終了ステータス: 0 pass、1 review、2 block、3 エラー。</translation>
    </message>
    <message>
        <source>The envelope sender (default: the From address).</source>
        <translation>エンベロープの差出人 (既定: From のアドレス)。</translation>
    </message>
    <message>
        <source>An envelope recipient; repeat for each (default: To, Cc and Bcc).</source>
        <translation>エンベロープの送信先。送信先ごとに繰り返して指定します (既定: To、Cc、Bcc)。</translation>
    </message>
    <message>
        <source>Print the review as JSON.</source>
        <translation>確認結果を JSON で出力します。</translation>
    </message>
    <message>
        <source>Use the settings file &lt;file&gt;.</source>
        <translation>設定ファイル &lt;file&gt; を使用します。</translation>
    </message>
    <message>
        <source>Print how long each step took (on stderr).</source>
        <translation>各ステップにかかった時間を出力します (標準エラー出力)。</translation>
    </message>
    <message>
        <source>The message (.eml) to check.</source>
        <translation>確認するメール (.eml)。</translation>
    </message>
    <message>
        <source>Usage: yubisashi check FILE.eml [--from ADDRESS] [--rcpt ADDRESS]... [--json] [--config FILE]</source>
        <translation>使い方: yubisashi check FILE.eml [--from ADDRESS] [--rcpt ADDRESS]... [--json] [--config FILE]</translation>
    </message>
    <message>
        <source>The settings file %1 does not exist.</source>
        <translation>設定ファイル %1 が存在しません。</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>設定: %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>blocks</source>
        <translation>ブロック</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>note</source>
        <translation>情報</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>Attachments, and risky file types</source>
        <translation>添付ファイルと危険なファイル形式</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>添付ファイル</translation>
    </message>
    <message>
        <source>Lists every attachment, and speaks up for programs, scripts and disguised file names.</source>
        <translation>すべての添付ファイルを一覧にし、プログラム、スクリプト、偽装されたファイル名があれば知らせます。</translation>
    </message>
    <message>
        <source>A file sent before to another organisation</source>
        <translation>以前に別のドメインへ送ったファイル</translation>
    </message>
    <message>
        <source>File new here</source>
        <translation>他社に送信済み</translation>
    </message>
    <message>
        <source>Speaks up when a file you sent to one outside organisation now goes to another.</source>
        <translation>社外のあるドメインに送ったファイルが、今回は別のドメインに送られるときに知らせます。</translation>
    </message>
    <message>
        <source>A recipient&apos;s domain is on the blocked list</source>
        <translation>送信先のドメインが禁止リストにある</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>ブロック</translation>
    </message>
    <message>
        <source>Speaks up for a recipient whose domain is on the blocked list of the Recipients page.</source>
        <translation>「送信先」ページの禁止ドメインに含まれるドメインの送信先があれば知らせます。</translation>
    </message>
    <message>
        <source>A recipient&apos;s domain is on the caution list</source>
        <translation>送信先のドメインが注意リストにある</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Speaks up for a recipient whose domain is on the caution list of the Recipients page.</source>
        <translation>「送信先」ページの注意ドメインに含まれるドメインの送信先があれば知らせます。</translation>
    </message>
    <message>
        <source>Hidden (Bcc) recipients, or addresses that will not receive it</source>
        <translation>BCC の送信先、または受信しないアドレスがある</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>非表示の送信先</translation>
    </message>
    <message>
        <source>Shows who receives the message without being in To or Cc, and who is in To or Cc but will not receive it.</source>
        <translation>宛先や CC にないのに受信する相手と、宛先や CC にあるのに受信しない相手を表示します。</translation>
    </message>
    <message>
        <source>A recipient is outside your organisation</source>
        <translation>社外の送信先がある</translation>
    </message>
    <message>
        <source>External</source>
        <translation>社外</translation>
    </message>
    <message>
        <source>Speaks up for every recipient whose domain is not one of your internal domains.</source>
        <translation>社内ドメインに含まれないドメインの送信先をすべて知らせます。</translation>
    </message>
    <message>
        <source>First message to this organisation</source>
        <translation>初めて送信するドメイン</translation>
    </message>
    <message>
        <source>New domain</source>
        <translation>初めてのドメイン</translation>
    </message>
    <message>
        <source>Speaks up when a message goes to an outside domain for the first time.</source>
        <translation>社外のドメインに初めて送信するときに知らせます。</translation>
    </message>
    <message>
        <source>First message to this person</source>
        <translation>初めて送信する相手</translation>
    </message>
    <message>
        <source>First time</source>
        <translation>初めての送信先</translation>
    </message>
    <message>
        <source>Speaks up for an outside address you have never sent mail to before.</source>
        <translation>これまでに送信したことのない社外のアドレスを知らせます。</translation>
    </message>
    <message>
        <source>The greeting names nobody among the recipients</source>
        <translation>本文の宛名が送信先の誰とも一致しない</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>宛名違い</translation>
    </message>
    <message>
        <source>Speaks up when the greeting at the top of the text names someone who is not a recipient.</source>
        <translation>本文冒頭の宛名が送信先にない人の名前のときに知らせます。</translation>
    </message>
    <message>
        <source>A keyword from the Recipients page appears</source>
        <translation>「送信先」ページのキーワードが含まれている</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>キーワード</translation>
    </message>
    <message>
        <source>Speaks up when the subject, the text or a file name contains one of your keywords.</source>
        <translation>件名、本文、ファイル名にキーワードが含まれているときに知らせます。</translation>
    </message>
    <message>
        <source>A domain that looks like a known one</source>
        <translation>既知のドメインに似ているドメイン</translation>
    </message>
    <message>
        <source>Look-alike</source>
        <translation>似ているドメイン</translation>
    </message>
    <message>
        <source>Speaks up for an unknown domain that differs from a known one by a letter or two, or by its ending.</source>
        <translation>既知のドメインと 1、2 文字だけ、または末尾だけが異なる未知のドメインを知らせます。</translation>
    </message>
    <message>
        <source>Many outside addresses can see each other (use Bcc)</source>
        <translation>多数の社外アドレスが互いに見える (BCC を推奨)</translation>
    </message>
    <message>
        <source>Many visible</source>
        <translation>BCC 推奨</translation>
    </message>
    <message>
        <source>Speaks up when more outside addresses than the limit are in To and Cc, where every recipient sees them.</source>
        <translation>すべての受信者に見える宛先と CC に、上限を超える数の社外アドレスがあるときに知らせます。</translation>
    </message>
    <message>
        <source>A known name with a different address</source>
        <translation>既知の名前で、アドレスが異なる</translation>
    </message>
    <message>
        <source>Name mismatch</source>
        <translation>名前の不一致</translation>
    </message>
    <message>
        <source>Speaks up when a name you sent to before comes with a different address this time.</source>
        <translation>以前送信したことのある名前が、今回は別のアドレスになっているときに知らせます。</translation>
    </message>
    <message>
        <source>Personal data: My Number, card or phone numbers</source>
        <translation>個人情報: マイナンバー、カード番号、電話番号</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>個人情報</translation>
    </message>
    <message>
        <source>Speaks up when the subject or text contains a My Number, a payment card number or phone numbers.</source>
        <translation>件名や本文にマイナンバー、クレジットカード番号、電話番号が含まれているときに知らせます。</translation>
    </message>
    <message>
        <source>No certificate to sign with</source>
        <translation>署名用の証明書がない</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>証明書</translation>
    </message>
    <message>
        <source>Speaks up when the message should be signed but the account has no valid certificate for the sender.</source>
        <translation>メールに署名が必要なのに、アカウントに差出人の有効な証明書がないときに知らせます。</translation>
    </message>
    <message>
        <source>A new organisation joins a conversation</source>
        <translation>やり取りに新しいドメインが加わる</translation>
    </message>
    <message>
        <source>New in thread</source>
        <translation>途中参加</translation>
    </message>
    <message>
        <source>Speaks up when a reply goes to an outside organisation that had no part in the conversation.</source>
        <translation>返信が、それまでのやり取りに含まれていなかった社外のドメインに送られるときに知らせます。</translation>
    </message>
    <message>
        <source>A known recipient who is not usually with the others</source>
        <translation>いつもは一緒に送らない送信先</translation>
    </message>
    <message>
        <source>Not usual here</source>
        <translation>いつもと違う</translation>
    </message>
    <message>
        <source>Speaks up when someone you know was never written to together with the other recipients, above all when a person with a similar name usually is.</source>
        <translation>送信したことのある相手でも、ほかの送信先と一緒に送ったことがないときに知らせます。特に、似た名前の別の人がいつもは一緒に送られている場合です。</translation>
    </message>
</context>
<context>
    <name>ClientSetupCommand</name>
    <message>
        <source>Prints what to enter in your mail program&apos;s outgoing (SMTP) server settings.</source>
        <translation>メールソフトの送信サーバー (SMTP) の設定に入力する内容を表示します。</translation>
    </message>
    <message>
        <source>Print &lt;format&gt;: text (for people, the default), json (for scripts), msmtprc (an account for ~/.msmtprc) or thunderbird (preferences for Thunderbird&apos;s user.js).</source>
        <translation>&lt;format&gt; の形式で表示します: text (人が読む形式、既定)、json (スクリプト用)、msmtprc (~/.msmtprc 用のアカウント)、thunderbird (Thunderbird の user.js 用の設定)。</translation>
    </message>
    <message>
        <source>With --format json: the account &lt;name&gt; (default: the first one).</source>
        <translation>--format json のとき、アカウント &lt;name&gt; を表示します (既定: 最初のアカウント)。</translation>
    </message>
    <message>
        <source>Use the settings file &lt;file&gt;.</source>
        <translation>設定ファイル &lt;file&gt; を使用します。</translation>
    </message>
    <message>
        <source>Usage: yubisashi client-setup [--format text|json|msmtprc|thunderbird] [--account NAME] [--config FILE]</source>
        <translation>使い方: yubisashi client-setup [--format text|json|msmtprc|thunderbird] [--account NAME] [--config FILE]</translation>
    </message>
</context>
<context>
    <name>Delivery::ConnectionTest</name>
    <message>
        <source>Enter the password first.</source>
        <translation>先にパスワードを入力してください。</translation>
    </message>
    <message>
        <source>Sign in first; then the connection can be tested.</source>
        <translation>先にサインインしてください。その後で接続をテストできます。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1 に接続しています…</translation>
    </message>
    <message>
        <source>It works: the server %1 answered.</source>
        <translation>接続できました: サーバー %1 が応答しました。</translation>
    </message>
    <message>
        <source>It works: the server %1 accepted the sign-in.</source>
        <translation>接続できました: サーバー %1 がサインインを受け付けました。</translation>
    </message>
    <message>
        <source>It did not work. %1</source>
        <translation>接続できませんでした。%1</translation>
    </message>
</context>
<context>
    <name>Delivery::Dispatcher</name>
    <message>
        <source>Queue folder problem</source>
        <translation>送信キューのフォルダーの問題</translation>
    </message>
    <message>
        <source>Yubisashi could not update its queue folder (%1). Check that the disk is not full.</source>
        <translation>Yubisashi が送信キューのフォルダーを更新できませんでした (%1)。ディスクの空き容量を確認してください。</translation>
    </message>
    <message>
        <source>A message could not be stored (%1); the mail client keeps it. Check the disk.</source>
        <translation>メールを保存できませんでした (%1)。メールはメールソフト側に残っています。ディスクを確認してください。</translation>
    </message>
    <message>
        <source>The queued copy cannot be read: %1</source>
        <translation>送信キューにあるコピーを読み込めません: %1</translation>
    </message>
    <message>
        <source>Message cannot be sent</source>
        <translation>メールを送信できません</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) outside your organisation.</source>
        <translation>
            <numerusform>社外の宛先が %n 件あります。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every message is reviewed before it leaves.</source>
        <translation>すべてのメールを送信前に確認します。</translation>
    </message>
    <message>
        <source>Blocked: %1</source>
        <translation>ブロック: %1</translation>
    </message>
    <message>
        <source>Message held</source>
        <translation>メールを保留しました</translation>
    </message>
    <message>
        <source>Cancelled at review: %1</source>
        <translation>確認画面で送信を中止: %1</translation>
    </message>
    <message>
        <source>The message to %1 was cancelled and is kept in the queue. You can send it anyway, export or delete it there.</source>
        <translation>%1 宛てのメールの送信を中止しました。メールは送信キューに残っているので、そこから送信、書き出し、削除ができます。</translation>
    </message>
    <message>
        <source>Message delivered</source>
        <translation>メールを送信しました</translation>
    </message>
    <message>
        <source>The message to %1 has been delivered.</source>
        <translation>%1 宛てのメールを送信しました。</translation>
    </message>
    <message>
        <source>The mail server refused the message: %1</source>
        <translation>メールサーバーがメールを受け付けませんでした: %1</translation>
    </message>
    <message>
        <source>Message not delivered</source>
        <translation>メールを送信できませんでした</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n hour(s) of retrying: %1</source>
        <translation>
            <numerusform>%n 時間再試行しましたが、送信できませんでした: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The mail client stopped sending this message.</source>
        <translation>メールソフトがこのメールの送信を中止しました。</translation>
    </message>
    <message>
        <source>A queued message could not be read</source>
        <translation>送信キューのメールを読み込めませんでした</translation>
    </message>
    <message>
        <source>The message was deleted from the queue.</source>
        <translation>このメールは送信キューから削除されました。</translation>
    </message>
    <message>
        <source>Yubisashi is shutting down.</source>
        <translation>Yubisashi を終了しています。</translation>
    </message>
    <message>
        <source>The addresses in To and Cc could not be moved to Bcc (%1). The message is kept in the queue: send it from there as it is, or delete it and send it again from your mail program.</source>
        <translation>宛先と CC のアドレスを BCC に移せませんでした (%1)。メールは送信キューに残っています。そこからそのまま送信するか、削除してメールソフトからもう一度送信してください。</translation>
    </message>
    <message>
        <source>Message waits: the account needs your attention</source>
        <translation>メールは送信待ちです。アカウントの確認が必要です</translation>
    </message>
    <message>
        <source>%1 is not a recipient of this message</source>
        <translation>%1 はこのメールの送信先ではありません</translation>
    </message>
    <message>
        <source>%1 is not an address that can be sent to</source>
        <translation>%1 は送信できるアドレスではありません</translation>
    </message>
    <message>
        <source>The recipient could not be replaced as you chose at the review (%1). The message was not sent and is kept in the queue: delete it and send it again from your mail program with the right address.</source>
        <translation>確認画面で選んだとおりに送信先を置き換えられませんでした (%1)。メールは送信せず、送信キューに残しています。削除してから、正しいアドレスでメールソフトから送り直してください。</translation>
    </message>
</context>
<context>
    <name>Delivery::Protection</name>
    <message>
        <source>The certificate password cannot be read from %1: %2</source>
        <translation>証明書のパスワードを %1 から読み込めません: %2</translation>
    </message>
    <message>
        <source>Your certificate (%1) cannot be used: %2 Check the certificate in Settings.</source>
        <translation>証明書 (%1) を使用できません: %2 設定で証明書を確認してください。</translation>
    </message>
    <message>
        <source>The account %1 is no longer set up.</source>
        <translation>アカウント %1 は設定されていません。</translation>
    </message>
    <message>
        <source>The message must be encrypted, but no valid certificate is known any more for %1. Import their certificates again, or remove them from the recipients.</source>
        <translation>このメールは暗号化が必要ですが、%1 の有効な証明書が見つからなくなりました。証明書をもう一度インポートするか、送信先から外してください。</translation>
    </message>
</context>
<context>
    <name>Delivery::TestModeTransport</name>
    <message>
        <source>Saved as %1 (test mode, not sent).</source>
        <translation>%1 として保存しました (テストモードのため送信していません)。</translation>
    </message>
    <message>
        <source>Could not save %1: %2. Check the test-mode folder in Settings.</source>
        <translation>%1 を保存できませんでした: %2。設定でテストモードの保存先フォルダーを確認してください。</translation>
    </message>
</context>
<context>
    <name>Delivery::UpstreamTransport</name>
    <message>
        <source>The account &quot;%1&quot; is not configured any more. Add it again in Settings, or delete the message from the queue.</source>
        <translation>アカウント「%1」はもう設定されていません。設定でもう一度追加するか、送信キューからメールを削除してください。</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot; signs in with OAuth, but its sign-in is not set up. Open Settings and press Sign in.</source>
        <translation>アカウント「%1」は OAuth でサインインしますが、サインインがまだ済んでいません。設定を開いて「サインイン」を押してください。</translation>
    </message>
    <message>
        <source>No password is stored for account &quot;%1&quot;. Enter it in Settings.</source>
        <translation>アカウント「%1」のパスワードが保存されていません。設定で入力してください。</translation>
    </message>
    <message>
        <source>The password for account &quot;%1&quot; could not be read: %2</source>
        <translation>アカウント「%1」のパスワードを読み込めませんでした: %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>中止されました</translation>
    </message>
</context>
<context>
    <name>ImportHistoryCommand</name>
    <message>
        <source>Learns the recipients of sent mail, so that people you have written to before are not reported as first-time recipients.</source>
        <translation>送信済みメールの送信先を学習し、以前に送信したことのある相手が初めての送信先として報告されないようにします。</translation>
    </message>
    <message>
        <source>Use the settings file &lt;file&gt;.</source>
        <translation>設定ファイル &lt;file&gt; を使用します。</translation>
    </message>
    <message>
        <source>mbox files, Maildir folders, .eml files or folders of them.</source>
        <translation>mbox ファイル、Maildir フォルダー、.eml ファイル、またはそれらを含むフォルダー。</translation>
    </message>
    <message>
        <source>Usage: yubisashi import-history PATH... [--config FILE]</source>
        <translation>使い方: yubisashi import-history PATH... [--config FILE]</translation>
    </message>
    <message>
        <source>The settings file %1 does not exist.</source>
        <translation>設定ファイル %1 が存在しません。</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>設定: %1</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>フォルダー %1 を作成できません。</translation>
    </message>
    <message>
        <source>%n message(s) had been learned before and were not counted again.</source>
        <translation>メール %n 件は以前に学習済みのため、数に含めていません。</translation>
    </message>
</context>
<context>
    <name>ImportHistoryCommand::Importer</name>
    <message>
        <source>Reading… %n message(s), %1 recipients learned</source>
        <translation>読み込み中… メール %n 件、学習した送信先 %1 件</translation>
    </message>
</context>
<context>
    <name>Mime</name>
    <message>
        <source>A multipart section has no boundary, so its parts could not be told apart; it was read as a single part.</source>
        <translation>マルチパートの部分に区切り (boundary) がないため、各パートを区別できませんでした。1 つのパートとして読み込みました。</translation>
    </message>
    <message>
        <source>A multipart section contains no parts; its boundary may be missing or wrong.</source>
        <translation>マルチパートの部分にパートがありません。区切り (boundary) がないか、誤っている可能性があります。</translation>
    </message>
    <message>
        <source>The message seems to be cut off before its end.</source>
        <translation>メールが途中で切れているようです。</translation>
    </message>
    <message>
        <source>The message is nested too deeply; its innermost parts were not read.</source>
        <translation>メールの入れ子が深すぎるため、最も内側のパートは読み込みませんでした。</translation>
    </message>
    <message>
        <source>A part has an invalid Content-Type; it was treated as binary data.</source>
        <translation>Content-Type が不正なパートがあります。バイナリデータとして扱いました。</translation>
    </message>
    <message>
        <source>The message contains a line that is not a valid header; some headers may have been missed.</source>
        <translation>メールにヘッダーとして正しくない行があります。一部のヘッダーを読み落としている可能性があります。</translation>
    </message>
</context>
<context>
    <name>Mime::HeaderRewrite</name>
    <message>
        <source>The To and Cc fields could not be rewritten exactly.</source>
        <translation>To 欄と Cc 欄を正確に書き換えられませんでした。</translation>
    </message>
    <message>
        <source>An address in the %1 field could not be separated from the others; separate the addresses with commas, or send without moving them to Bcc.</source>
        <translation>%1 欄のアドレスを他のアドレスと切り分けられませんでした。アドレスをカンマで区切るか、BCC に移さずに送信してください。</translation>
    </message>
    <message>
        <source>The address %1 cannot be written in the message header.</source>
        <translation>アドレス %1 はメールのヘッダーに書き込めません。</translation>
    </message>
    <message>
        <source>An address in the %1 field could not be separated from the others; separate the addresses with commas.</source>
        <translation>%1 欄のアドレスをほかのアドレスと区別できませんでした。アドレスをカンマで区切ってください。</translation>
    </message>
</context>
<context>
    <name>Mime::MailboxReader</name>
    <message>
        <source>%1 does not exist; skipped.</source>
        <translation>%1 は存在しないため、スキップしました。</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2); skipped.</source>
        <translation>%1 を読み込めないため (%2)、スキップしました。</translation>
    </message>
    <message>
        <source>%1 could not be read to the end (%2).</source>
        <translation>%1 を最後まで読み込めませんでした (%2)。</translation>
    </message>
</context>
<context>
    <name>Mime::MessageView</name>
    <message>
        <source>The %1 header contains “%2”, which is not an e-mail address.</source>
        <translation>%1 ヘッダーの「%2」はメールアドレスではありません。</translation>
    </message>
    <message>
        <source>The %1 header uses an unknown character set (%2); its text was guessed and may look wrong.</source>
        <translation>%1 ヘッダーは不明な文字コード (%2) を使用しています。文字コードを推測したため、正しく表示されない可能性があります。</translation>
    </message>
    <message>
        <source>The %1 header contains characters that are not valid in their declared character set; some may look wrong.</source>
        <translation>%1 ヘッダーに、指定された文字コードでは無効な文字が含まれています。一部が正しく表示されない可能性があります。</translation>
    </message>
    <message>
        <source>The %1 header contains a damaged encoded word; that part is shown as it was written.</source>
        <translation>%1 ヘッダーに壊れたエンコード部分があります。その部分は書かれたとおりに表示しています。</translation>
    </message>
    <message>
        <source>The %1 header contains non-ASCII text that is neither encoded nor UTF-8; its character set was guessed.</source>
        <translation>%1 ヘッダーに、エンコードされておらず UTF-8 でもない非 ASCII 文字があります。文字コードは推測しました。</translation>
    </message>
    <message>
        <source>This does not look like an e-mail message: no headers could be read.</source>
        <translation>メールではないようです: ヘッダーを読み取れませんでした。</translation>
    </message>
    <message>
        <source>The message has no sender address (From).</source>
        <translation>メールに差出人のアドレス (From) がありません。</translation>
    </message>
    <message>
        <source>The Date header could not be read.</source>
        <translation>Date ヘッダーを読み取れませんでした。</translation>
    </message>
</context>
<context>
    <name>Mime::Walker</name>
    <message>
        <source>The message text uses an unknown character set (%1); it was guessed and may look wrong.</source>
        <translation>本文は不明な文字コード (%1) を使用しています。文字コードを推測したため、正しく表示されない可能性があります。</translation>
    </message>
    <message>
        <source>The message text is not valid in its declared character set (%1); some characters may look wrong.</source>
        <translation>本文に、指定された文字コード (%1) では無効な部分があります。一部の文字が正しく表示されない可能性があります。</translation>
    </message>
</context>
<context>
    <name>OAuth</name>
    <message>
        <source>The sign-in server %1 answered: %2</source>
        <translation>サインインサーバー %1 の応答: %2</translation>
    </message>
    <message>
        <source>The sign-in server %1 could not be reached: %2</source>
        <translation>サインインサーバー %1 に接続できませんでした: %2</translation>
    </message>
    <message>
        <source>The sign-in server %1 sent an answer that could not be read.</source>
        <translation>サインインサーバー %1 から読み取れない応答が返されました。</translation>
    </message>
    <message>
        <source>The sign-in server %1 answered with HTTP status %2.</source>
        <translation>サインインサーバー %1 が HTTP ステータス %2 を返しました。</translation>
    </message>
</context>
<context>
    <name>OAuth::AuthorizationCodeFlow</name>
    <message numerus="yes">
        <source>The sign-in was not finished within %n minute(s). Start it again.</source>
        <translation>
            <numerusform>%n 分以内にサインインが完了しませんでした。もう一度やり直してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>サインインを中止しました。</translation>
    </message>
    <message>
        <source>The sign-in was declined in the browser, so Yubisashi cannot send mail for this account. Sign in again and accept the request.</source>
        <translation>ブラウザーでサインインが拒否されたため、Yubisashi はこのアカウントでメールを送信できません。もう一度サインインして、要求を承諾してください。</translation>
    </message>
    <message>
        <source>The sign-in did not succeed: %1</source>
        <translation>サインインできませんでした: %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>応答なし</translation>
    </message>
    <message>
        <source>The sign-in server did not allow Yubisashi to stay signed in (no refresh token). Check that the scopes include offline access (Microsoft: offline_access; Google: access_type=offline).</source>
        <translation>サインインサーバーが、Yubisashi がサインインしたままでいることを許可しませんでした (リフレッシュトークンがありません)。スコープにオフラインアクセスが含まれているか確認してください (Microsoft: offline_access、Google: access_type=offline)。</translation>
    </message>
</context>
<context>
    <name>OAuth::DeviceCodeFlow</name>
    <message>
        <source>Signing in with a code on another device is not available for this account. Sign in in the browser instead.</source>
        <translation>このアカウントでは、別のデバイスでコードを使ってサインインすることはできません。代わりにブラウザーでサインインしてください。</translation>
    </message>
    <message>
        <source>The sign-in server sent an incomplete answer for signing in with a code.</source>
        <translation>コードによるサインインについて、サインインサーバーから不完全な応答が返されました。</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>サインインを中止しました。</translation>
    </message>
    <message>
        <source>The sign-in code expired before it was entered. Start the sign-in again.</source>
        <translation>サインインコードが入力される前に期限切れになりました。もう一度サインインしてください。</translation>
    </message>
    <message>
        <source>The sign-in was declined, so Yubisashi cannot send mail for this account. Sign in again and accept the request.</source>
        <translation>サインインが拒否されたため、Yubisashi はこのアカウントでメールを送信できません。もう一度サインインして、要求を承諾してください。</translation>
    </message>
</context>
<context>
    <name>OAuth::LoopbackReceiver</name>
    <message>
        <source>Could not open a local port for the sign-in: %1</source>
        <translation>サインイン用のローカルポートを開けませんでした: %1</translation>
    </message>
    <message>
        <source>Yubisashi</source>
        <translation>Yubisashi</translation>
    </message>
    <message>
        <source>This address only receives sign-ins.</source>
        <translation>このアドレスはサインインの受け取り専用です。</translation>
    </message>
    <message>
        <source>This sign-in link does not belong to the sign-in Yubisashi is waiting for. Start the sign-in again from Yubisashi.</source>
        <translation>このサインインのリンクは、Yubisashi が待っているサインインのものではありません。Yubisashi からもう一度サインインしてください。</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>サインインしました</translation>
    </message>
    <message>
        <source>You are signed in. You can close this window and return to Yubisashi.</source>
        <translation>サインインしました。このウィンドウを閉じて Yubisashi に戻ってください。</translation>
    </message>
    <message>
        <source>Sign-in not completed</source>
        <translation>サインインが完了しませんでした</translation>
    </message>
    <message>
        <source>The sign-in was not completed. You can close this window; Yubisashi shows what happened.</source>
        <translation>サインインが完了しませんでした。このウィンドウを閉じてください。詳しくは Yubisashi に表示されます。</translation>
    </message>
</context>
<context>
    <name>OAuth::Provider</name>
    <message>
        <source>No application (client) ID is set for signing in. Your administrator registers Yubisashi with Microsoft or Google and sets oauth_client_id (see docs/OAUTH.md).</source>
        <translation>サインイン用のアプリケーション (クライアント) ID が設定されていません。管理者が Yubisashi を Microsoft または Google に登録し、oauth_client_id を設定します (docs/OAUTH.md を参照)。</translation>
    </message>
    <message>
        <source>The sign-in addresses are not set. For a server other than Microsoft 365 or Google, set oauth_authorize_url and oauth_token_url (see docs/OAUTH.md).</source>
        <translation>サインイン用のアドレスが設定されていません。Microsoft 365 と Google 以外のサーバーでは、oauth_authorize_url と oauth_token_url を設定してください (docs/OAUTH.md を参照)。</translation>
    </message>
    <message>
        <source>The sign-in address %1 is not a valid https address.</source>
        <translation>サインイン用のアドレス %1 は有効な https アドレスではありません。</translation>
    </message>
    <message>
        <source>No sign-in scopes are set (oauth_scopes).</source>
        <translation>サインインのスコープが設定されていません (oauth_scopes)。</translation>
    </message>
</context>
<context>
    <name>OAuth::TokenManager</name>
    <message>
        <source>No secret store is available to keep the sign-in.</source>
        <translation>サインイン情報を保管できる秘密情報の保存先がありません。</translation>
    </message>
    <message>
        <source>Sign in to the account &quot;%1&quot; so Yubisashi can send its mail.</source>
        <translation>Yubisashi がメールを送信できるよう、アカウント「%1」にサインインしてください。</translation>
    </message>
    <message>
        <source>The mail server refused the sign-in of the account &quot;%1&quot; even after it was renewed. Sign in again; if that does not help, ask your administrator whether sending mail with this sign-in (SMTP AUTH) is allowed for your mailbox.</source>
        <translation>サインイン情報を更新した後も、メールサーバーがアカウント「%1」のサインインを拒否しました。もう一度サインインしてください。それでも解決しない場合は、お使いのメールボックスでこのサインインによるメール送信 (SMTP AUTH) が許可されているか、管理者に確認してください。</translation>
    </message>
    <message>
        <source>The sign-in of the account &quot;%1&quot; has ended (%2). Sign in again; messages wait in the queue until then.</source>
        <translation>アカウント「%1」のサインインが切れました (%2)。もう一度サインインしてください。それまでメールは送信キューで待機します。</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>サインインを中止しました。</translation>
    </message>
    <message>
        <source>The sign-in server did not allow Yubisashi to stay signed in (no refresh token).</source>
        <translation>サインインサーバーが、Yubisashi がサインインしたままでいることを許可しませんでした (リフレッシュトークンがありません)。</translation>
    </message>
    <message>
        <source>You are signed in, but the sign-in could not be saved, so you will have to sign in again after Yubisashi restarts: %1</source>
        <translation>サインインしましたが、サインイン情報を保存できなかったため、Yubisashi の再起動後にもう一度サインインが必要です: %1</translation>
    </message>
    <message>
        <source>You signed in as %1, but the account is set up for %2. The mail server may refuse to send as %2; sign in with that address, or change the account&apos;s user name in Settings.</source>
        <translation>%1 としてサインインしましたが、このアカウントは %2 用に設定されています。メールサーバーが %2 としての送信を拒否する可能性があります。%2 でサインインするか、設定でアカウントのユーザー名を変更してください。</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>サインアウトしました。</translation>
    </message>
</context>
<context>
    <name>OAuth::Tokens</name>
    <message>
        <source>The sign-in server sent an answer without a usable access token.</source>
        <translation>サインインサーバーの応答に、使用できるアクセストークンが含まれていませんでした。</translation>
    </message>
</context>
<context>
    <name>Review::AttachmentCheck</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s): %1</source>
        <translation>
            <numerusform>添付ファイル %n 件: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The name of &quot;%1&quot; contains invisible characters that reverse the text, so the name you see is not its real name.</source>
        <translation>「%1」の名前には文字の向きを反転させる見えない文字が含まれているため、表示されている名前は本当の名前ではありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; looks like a .%2 file but is a .%3 file that runs when opened.</source>
        <translation>「%1」は .%2 ファイルに見えますが、開くと実行される .%3 ファイルです。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a .%2 file: a program, script or disk image that mail filters often reject and that can do harm when opened.</source>
        <translation>「%1」は .%2 ファイルです。プログラム、スクリプト、ディスクイメージはメールフィルターで拒否されることが多く、開くと害を及ぼすおそれがあります。</translation>
    </message>
</context>
<context>
    <name>Review::AttachmentNewDomainCheck</name>
    <message>
        <source>&quot;%1&quot; was sent before to %2; now it goes to %3. Check that this file is meant for them.</source>
        <translation>「%1」は以前 %2 に送信したファイルですが、今回は %3 に送信されます。このファイルを送ってよい相手か確認してください。</translation>
    </message>
</context>
<context>
    <name>Review::BlockedDomainCheck</name>
    <message>
        <source>Your organisation does not allow sending to %1. Remove these recipients.</source>
        <translation>%1 への送信は組織で禁止されています。これらの送信先を削除してください。</translation>
    </message>
</context>
<context>
    <name>Review::CautionDomainCheck</name>
    <message>
        <source>Your organisation asks you to take extra care with %1. Check that these recipients are right.</source>
        <translation>%1 への送信には特に注意するよう、組織で定められています。送信先が正しいか確認してください。</translation>
    </message>
</context>
<context>
    <name>Review::Check</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 ほか %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Review::CheckPolicy</name>
    <message>
        <source>Setting &quot;%1&quot; in [checks]: there is no check with this name; the checks are %2.</source>
        <translation>[checks] の設定「%1」: この名前のチェックはありません。使用できるチェックは %2 です。</translation>
    </message>
    <message>
        <source>Setting &quot;%1&quot; in [checks]: &quot;%2&quot; is not allowed; use one of %3. Using %4 instead.</source>
        <translation>[checks] の設定「%1」: 「%2」は使用できません。%3 のいずれかを指定してください。代わりに %4 を使用します。</translation>
    </message>
</context>
<context>
    <name>Review::EnvelopeHeaderMismatchCheck</name>
    <message numerus="yes">
        <source>%n recipient(s) get a hidden copy (Bcc); the others cannot see them: %1</source>
        <translation>
            <numerusform>%n 件の宛先に BCC で送信されます (ほかの宛先からは見えません): %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) in To or Cc will not receive this message, because your mail program did not send it to them: %1</source>
        <translation>
            <numerusform>宛先または CC にある %n 件のアドレスには、このメールは届きません。メールソフトがこれらのアドレスに送信していないためです: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Review::ExternalRecipientCheck</name>
    <message numerus="yes">
        <source>%n recipient(s) outside your organisation: %1</source>
        <translation>
            <numerusform>社外の宛先 %n 件: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Review::FirstTimeDomainCheck</name>
    <message numerus="yes">
        <source>You have never written to %n of these organisations (domains) before: %1</source>
        <translation>
            <numerusform>これまでに送信したことのない組織 (ドメイン) が %n 件あります: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Review::FirstTimeRecipientCheck</name>
    <message numerus="yes">
        <source>You have never written to %n of these recipients before: %1</source>
        <translation>
            <numerusform>初めての宛先が %n 件あります: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Review::GreetingMismatchCheck</name>
    <message>
        <source>The message greets &quot;%1&quot;, but no recipient has that name. Check that it goes to the right person.</source>
        <translation>本文の宛名は「%1」ですが、その名前の送信先はありません。正しい相手に送るか確認してください。</translation>
    </message>
</context>
<context>
    <name>Review::KeywordCheck</name>
    <message>
        <source>The subject contains %1.</source>
        <translation>件名に %1 が含まれています。</translation>
    </message>
    <message>
        <source>The message text contains %1.</source>
        <translation>本文に %1 が含まれています。</translation>
    </message>
    <message>
        <source>The attachment name &quot;%1&quot; contains %2.</source>
        <translation>添付ファイル名「%1」に %2 が含まれています。</translation>
    </message>
</context>
<context>
    <name>Review::LookAlikeDomainCheck</name>
    <message>
        <source>%1 is written with letters from another alphabet (%2) that look like %3.</source>
        <translation>%1 は、%3 に似て見える別の文字体系の文字で書かれています (%2)。</translation>
    </message>
    <message>
        <source>%1 uses letters or digits that look like those of %2.</source>
        <translation>%1 は %2 に似て見える文字や数字を使っています。</translation>
    </message>
    <message>
        <source>%1 has the same name as %2 but ends in .%3 instead of .%4.</source>
        <translation>%1 は %2 と同じ名前ですが、末尾が .%4 ではなく .%3 です。</translation>
    </message>
    <message numerus="yes">
        <source>%1 differs from %2 by %n letter(s).</source>
        <translation>
            <numerusform>%1 と %2 は %n 文字だけ異なります。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 looks like %2, a domain you know, but it is a different domain. %3</source>
        <translation>%1 は既知のドメイン %2 に似ていますが、別のドメインです。%3</translation>
    </message>
</context>
<context>
    <name>Review::ManyExternalVisibleCheck</name>
    <message>
        <source>%1 external addresses from %2 organisations are in To and Cc, so every recipient sees all of them. Put them in Bcc to keep them private.</source>
        <translation>宛先と CC に %2 ドメインの社外アドレスが %1 件あり、すべての受信者に互いのアドレスが見えます。アドレスを伏せるには BCC に入れてください。</translation>
    </message>
</context>
<context>
    <name>Review::NameAddressMismatchCheck</name>
    <message>
        <source>&quot;%1&quot; was written to before at %2, not at %3.</source>
        <translation>「%1」には以前、%3 ではなく %2 宛てに送信しています。</translation>
    </message>
    <message>
        <source>%1 was called &quot;%2&quot; before, not &quot;%3&quot;.</source>
        <translation>%1 の名前は以前、「%3」ではなく「%2」でした。</translation>
    </message>
</context>
<context>
    <name>Review::PersonalDataCheck</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>The text contains %n number(s) that look like a My Number (individual number): %1</source>
        <translation>
            <numerusform>本文にマイナンバー (個人番号) と思われる番号が %n 件含まれています: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The text contains %n number(s) that look like a payment card number: %1</source>
        <translation>
            <numerusform>本文にクレジットカード番号と思われる番号が %n 件含まれています: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The text contains %n phone number(s): %1</source>
        <translation>
            <numerusform>本文に電話番号が %n 件含まれています: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Review::Reviewer</name>
    <message>
        <source>There is no recipient history.</source>
        <translation>送信先の履歴がありません。</translation>
    </message>
    <message>
        <source>The recipient history is unavailable, so these checks were skipped: %1. %2</source>
        <translation>送信先の履歴を利用できないため、次のチェックを省略しました: %1。%2</translation>
    </message>
    <message>
        <source>Sending to %1 is not allowed by your organisation&apos;s policy.</source>
        <translation>%1 への送信は組織のポリシーで禁止されています。</translation>
    </message>
</context>
<context>
    <name>Review::SenderCertificateCheck</name>
    <message>
        <source>This message should be signed, but there is no valid certificate for %1.</source>
        <translation>このメールには署名が必要ですが、%1 の有効な証明書がありません。</translation>
    </message>
</context>
<context>
    <name>Review::ThreadNewDomainCheck</name>
    <message>
        <source>This is a reply, but %1 took no part in the conversation before.</source>
        <translation>このメールは返信ですが、%1 はこれまでのやり取りに含まれていません。</translation>
    </message>
</context>
<context>
    <name>Review::UnusualRecipientCheck</name>
    <message>
        <source>You have never written to %1 together with these people.</source>
        <translation>%1 には、これらの送信先と一緒に送ったことがありません。</translation>
    </message>
    <message>
        <source>You have rarely written to %1 together with these people.</source>
        <translation>%1 に、これらの送信先と一緒に送ったことはほとんどありません。</translation>
    </message>
    <message>
        <source>Usually you write to %1 with these people.</source>
        <translation>これらの送信先と一緒に送るのは、いつもは %1 です。</translation>
    </message>
    <message>
        <source>You have written to %1 before, but never together with %2.</source>
        <translation>%1 には送ったことがありますが、%2 と一緒に送ったことはありません。</translation>
    </message>
</context>
<context>
    <name>Settings::AdminPolicy</name>
    <message>
        <source>&quot;%1&quot; is a password or sign-in token. Secrets are never taken from the policy: each person enters their own, and Yubisashi keeps it in the keychain.</source>
        <translation>「%1」はパスワードまたはサインイントークンです。秘密情報はポリシーからは受け付けません。各利用者が自分で入力し、Yubisashi がキーチェーンに保管します。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a setting Yubisashi knows.</source>
        <translation>「%1」は Yubisashi の設定項目ではありません。</translation>
    </message>
    <message>
        <source>The administrator&apos;s policy (%1) sets &quot;%2&quot;, which is ignored: %3</source>
        <translation>管理者のポリシー (%1) で「%2」が設定されていますが、無視されます: %3</translation>
    </message>
    <message>
        <source>The administrator&apos;s policy (%1) sets &quot;%2&quot;: %3 The default is used.</source>
        <translation>管理者のポリシー (%1) の設定「%2」: %3 既定値を使用します。</translation>
    </message>
    <message>
        <source>The administrator&apos;s policy (%1) recommends &quot;%2&quot;: %3 It is ignored.</source>
        <translation>管理者のポリシー (%1) の推奨値「%2」: %3 この推奨値は無視されます。</translation>
    </message>
</context>
<context>
    <name>Settings::CertificateImport</name>
    <message>
        <source>Add your mail account first: the certificate belongs to an account.</source>
        <translation>先にメールアカウントを追加してください。証明書はアカウントごとに設定します。</translation>
    </message>
    <message>
        <source>The certificate for %1 is imported for the account &quot;%2&quot;. Quit Yubisashi and start it again to sign with it.</source>
        <translation>%1 の証明書をアカウント「%2」にインポートしました。この証明書で署名するには、Yubisashi を終了して、もう一度起動してください。</translation>
    </message>
</context>
<context>
    <name>Settings::CertificateSource</name>
    <message>
        <source>%1 is not a placeholder Yubisashi knows. Use %email% for the person&apos;s e-mail address and %user% for their login name.</source>
        <translation>%1 は使用できないプレースホルダーです。利用者のメールアドレスには %email%、コンピューターのユーザー名には %user% を使用してください。</translation>
    </message>
    <message>
        <source>Enter your e-mail address for the account first: your certificate is found by it.</source>
        <translation>先にアカウントのメールアドレスを入力してください。証明書はメールアドレスをもとに探します。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be part of a file name, so your certificate cannot be found. Ask your administrator.</source>
        <translation>「%1」はファイル名に使用できないため、証明書を見つけられません。管理者にお問い合わせください。</translation>
    </message>
    <message>
        <source>Your administrator has not set a folder with certificates.</source>
        <translation>管理者が証明書の配布フォルダーを設定していません。</translation>
    </message>
    <message>
        <source>The certificate folder %1 cannot be read. Check that you are connected to your organisation&apos;s network; if you are, ask your administrator.</source>
        <translation>証明書フォルダー %1 を読み取れません。社内ネットワークに接続しているか確認し、接続している場合は管理者にお問い合わせください。</translation>
    </message>
    <message>
        <source>No certificate for %1 in %2. Ask your administrator.</source>
        <translation>%2 に %1 の証明書がありません。管理者にお問い合わせください。</translation>
    </message>
    <message>
        <source>Several certificates in %1 could be yours (%2). Ask your administrator to leave one there named %3.p12.</source>
        <translation>%1 に、ご自身のものと思われる証明書が複数あります (%2)。%3.p12 という名前のファイルを 1 つだけ置くよう管理者に依頼してください。</translation>
    </message>
    <message>
        <source>Your certificate file %1 cannot be read: %2. Ask your administrator.</source>
        <translation>証明書ファイル %1 を読み取れません: %2。管理者にお問い合わせください。</translation>
    </message>
    <message>
        <source>The certificate folder %1 cannot be reached. Check that you are connected to your organisation&apos;s network; if you are, ask your administrator.</source>
        <translation>証明書フォルダー %1 に接続できません。社内ネットワークに接続しているか確認し、接続している場合は管理者にお問い合わせください。</translation>
    </message>
    <message>
        <source>This certificate belongs to %1, not to you (%2). Nothing was imported. Ask your administrator for your own certificate.</source>
        <translation>この証明書は %1 のもので、ご自身 (%2) のものではありません。インポートはしていません。ご自身の証明書を管理者に依頼してください。</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>アドレスなし</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is not in the settings any more.</source>
        <translation>アカウント「%1」は設定にもうありません。</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>発行先: %1</translation>
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation>発行者: %1</translation>
    </message>
    <message>
        <source>Valid until: %1</source>
        <translation>有効期限: %1</translation>
    </message>
</context>
<context>
    <name>Settings::ClientSetup</name>
    <message>
        <source>Test mode: no account is configured. Reviewed messages are saved in %1 instead of being sent.</source>
        <translation>テストモード: アカウントが設定されていません。確認したメールは送信されず、%1 に保存されます。</translation>
    </message>
    <message>
        <source>Set up your mail client&apos;s outgoing (SMTP) server like this:</source>
        <translation>メールソフトの送信サーバー (SMTP) を次のように設定してください:</translation>
    </message>
    <message>
        <source>  Server: %1   Port: %2   Security: none (connection stays on this computer)</source>
        <translation>  サーバー: %1   ポート: %2   接続の保護: なし (接続はこのコンピューター内で完結します)</translation>
    </message>
    <message>
        <source>  Authentication: normal password   User name: %1   Password: %2</source>
        <translation>  認証方式: 通常のパスワード認証   ユーザー名: %1   パスワード: %2</translation>
    </message>
    <message>
        <source>There is no account &quot;%1&quot;. The accounts are: %2.</source>
        <translation>アカウント「%1」はありません。使用できるアカウント: %2。</translation>
    </message>
</context>
<context>
    <name>Settings::Config</name>
    <message>
        <source>Setting &quot;%1&quot; in [%2]: &quot;%3&quot; is not allowed; use %4. Using %5 instead.</source>
        <translation>[%2] の設定「%1」: 「%3」は使用できません。%4 を指定してください。代わりに %5 を使用します。</translation>
    </message>
    <message>
        <source>[%1]: %2</source>
        <translation>[%1]: %2</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation>%1 から %2 までの整数</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true または false</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>%1 のいずれか</translation>
    </message>
    <message>
        <source>no preset</source>
        <translation>プリセットなし</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in &quot;from&quot; is not an e-mail address (like name@example.co.jp); it is ignored.</source>
        <translation>「from」の「%1」はメールアドレス (name@example.co.jp など) ではないため、無視されます。</translation>
    </message>
    <message>
        <source>account &quot;%1&quot; has no server: set host= to its submission server, or preset= to microsoft365 or google. The account is not used until then.</source>
        <translation>アカウント「%1」にサーバーがありません: host= に送信サーバーを指定するか、preset= に microsoft365 または google を指定してください。それまでこのアカウントは使用されません。</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read. Check that it is a file and that you may read it.</source>
        <translation>設定ファイル %1 を読み込めません。ファイルであること、読み取りの権限があることを確認してください。</translation>
    </message>
    <message>
        <source>The settings file %1 could not be read: it is not a valid INI file.</source>
        <translation>設定ファイル %1 を読み込めませんでした: 正しい INI ファイルではありません。</translation>
    </message>
    <message>
        <source>[%1]: the account name &quot;%2&quot; is also the user name mail clients log in with, so it may only contain letters A-Z and a-z, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;. The account is not used.</source>
        <translation>[%1]: アカウント名「%2」はメールソフトが認証に使うユーザー名でもあるため、英字 (A-Z、a-z)、数字、&apos;.&apos;、&apos;_&apos;、&apos;-&apos; のみ使用できます。このアカウントは使用されません。</translation>
    </message>
    <message>
        <source>retry_max_seconds (%1) is shorter than retry_initial_seconds (%2); using %2 for both.</source>
        <translation>retry_max_seconds (%1) が retry_initial_seconds (%2) より短いため、両方に %2 を使用します。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in &quot;%2&quot; is not a domain; write example.co.jp, or *.example.co.jp for its subdomains. It is ignored.</source>
        <translation>「%2」の「%1」はドメインではありません。example.co.jp の形式で書いてください (サブドメインも含める場合は *.example.co.jp)。この値は無視されます。</translation>
    </message>
    <message>
        <source>Setting &quot;risky_extensions&quot; in [policy]: &quot;%1&quot; is not a file extension (like exe or .exe). It is ignored.</source>
        <translation>[policy] の設定「risky_extensions」: 「%1」はファイルの拡張子 (exe や .exe など) ではありません。この値は無視されます。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in &quot;same_organisation&quot; is not a domain; write the domains of one organisation separated by spaces (example.co.jp example.com). It is ignored.</source>
        <translation>「same_organisation」の「%1」はドメインではありません。同じ組織のドメインをスペースで区切って書いてください (example.co.jp example.com)。この値は無視されます。</translation>
    </message>
</context>
<context>
    <name>Settings::ConfigWriter</name>
    <message>
        <source>&quot;%1&quot; is set by your administrator and cannot be changed here.</source>
        <translation>「%1」は管理者が設定しているため、ここでは変更できません。</translation>
    </message>
    <message>
        <source>[%1] contains settings made by your administrator and cannot be removed.</source>
        <translation>[%1] には管理者による設定が含まれているため、削除できません。</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read, so it is not changed. Check that it is a file and that you may read and write it.</source>
        <translation>設定ファイル %1 を読み込めないため、変更していません。ファイルであること、読み書きの権限があることを確認してください。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created, so the settings cannot be saved.</source>
        <translation>フォルダー %1 を作成できないため、設定を保存できません。</translation>
    </message>
    <message>
        <source>The settings file %1 is not a valid INI file, so it is not changed (saving would lose what it contains). Correct or remove it, then save again.</source>
        <translation>設定ファイル %1 は正しい INI ファイルではないため、変更していません (保存すると内容が失われるため)。ファイルを修正するか削除してから、もう一度保存してください。</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be written. Check that you may change it and that the disk is not full.</source>
        <translation>設定ファイル %1 に書き込めません。変更の権限があること、ディスクに空きがあることを確認してください。</translation>
    </message>
</context>
<context>
    <name>Settings::IniPolicySource</name>
    <message>
        <source>%1, line %2</source>
        <translation>%1、%2 行目</translation>
    </message>
    <message>
        <source>%1 is not saved as UTF-8 text (the first character that is not UTF-8 is on line %2). Editors on Japanese Windows often save as Shift_JIS (ANSI): open the file in Notepad, choose File, Save As, set Encoding to UTF-8 and save it again.</source>
        <translation>%1 は UTF-8 で保存されていません (UTF-8 でない最初の文字は %2 行目にあります)。日本語版 Windows のエディターは Shift_JIS (ANSI) で保存することがよくあります。メモ帳でファイルを開き、「ファイル」の「名前を付けて保存」を選び、「エンコード」を UTF-8 にして保存し直してください。</translation>
    </message>
    <message>
        <source>The administrator&apos;s policy file %1 cannot be read, so its settings are not applied. Ask your administrator to check its permissions.</source>
        <translation>管理者のポリシーファイル %1 を読み込めないため、その設定は適用されていません。ファイルのアクセス権を確認するよう管理者に依頼してください。</translation>
    </message>
    <message>
        <source>The administrator&apos;s policy file %1 is not a valid INI file, so its settings are not applied.</source>
        <translation>管理者のポリシーファイル %1 は正しい INI ファイルではないため、その設定は適用されていません。</translation>
    </message>
    <message>
        <source>%1: this line is neither a [section] nor key=value; it is ignored.</source>
        <translation>%1: この行はセクションの見出し ([group] の形式) でも key=value でもないため、無視されます。</translation>
    </message>
</context>
<context>
    <name>Settings::KeychainName</name>
    <message>
        <source>Credential Manager</source>
        <translation>資格情報マネージャー</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>キーチェーン</translation>
    </message>
    <message>
        <source>Secret Service keyring</source>
        <translation>キーリング</translation>
    </message>
</context>
<context>
    <name>Settings::ManagedPreferencesSource</name>
    <message>
        <source>The administrator&apos;s policy %1 cannot be read, so its settings are not applied.</source>
        <translation>管理者のポリシー %1 を読み込めないため、その設定は適用されていません。</translation>
    </message>
    <message>
        <source>The administrator&apos;s policy %1 is not a valid property list, so its settings are not applied.</source>
        <translation>管理者のポリシー %1 は正しいプロパティリストではないため、その設定は適用されていません。</translation>
    </message>
</context>
<context>
    <name>Settings::PolicyCheck</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>%1 is neither a policy INI file nor a registry export (.reg).</source>
        <translation>%1 はポリシーの INI ファイルでも、レジストリのエクスポート (.reg) でもありません。</translation>
    </message>
</context>
<context>
    <name>Settings::PolicyExport</name>
    <message>
        <source>%1 could not be written: %2. Choose another folder or check its permissions.</source>
        <translation>%1 を書き込めませんでした: %2。別のフォルダーを選ぶか、アクセス権を確認してください。</translation>
    </message>
</context>
<context>
    <name>Settings::RegPolicyFile</name>
    <message>
        <source>%1: a registry key must be written in square brackets.</source>
        <translation>%1: レジストリキーは角かっこ [ ] で囲んで書いてください。</translation>
    </message>
    <message>
        <source>%1: this deletes a registry key; a policy file only sets values. It is ignored.</source>
        <translation>%1: これはレジストリキーを削除する記述です。ポリシーファイルでは値の設定だけができます。この行は無視されます。</translation>
    </message>
    <message>
        <source>%1: the key %2 is not under HKEY_LOCAL_MACHINE or HKEY_CURRENT_USER\SOFTWARE\Policies\Yubisashi; its values are ignored.</source>
        <translation>%1: キー %2 は HKEY_LOCAL_MACHINE または HKEY_CURRENT_USER の \SOFTWARE\Policies\Yubisashi の下にないため、その値は無視されます。</translation>
    </message>
    <message>
        <source>%1: this line is neither a [registry key] nor &quot;name&quot;=value; it is ignored.</source>
        <translation>%1: この行はレジストリキー ([HKEY_...] の形式) でも &quot;name&quot;=value でもないため、無視されます。</translation>
    </message>
    <message>
        <source>%1: this deletes the value &quot;%2&quot;; a policy file only sets values. It is ignored.</source>
        <translation>%1: これは値「%2」を削除する記述です。ポリシーファイルでは値の設定だけができます。この行は無視されます。</translation>
    </message>
    <message>
        <source>%1: the value of &quot;%2&quot; is neither text (&quot;...&quot;) nor a number (dword:...); write it as text.</source>
        <translation>%1: 「%2」の値はテキスト (&quot;...&quot;) でも数値 (dword:...) でもありません。テキストで書いてください。</translation>
    </message>
</context>
<context>
    <name>Settings::RegistryPolicySource</name>
    <message>
        <source>The administrator&apos;s policy in the registry key %1 cannot be read, so its settings are not applied. Ask your administrator to check its permissions.</source>
        <translation>レジストリキー %1 にある管理者のポリシーを読み込めないため、その設定は適用されていません。アクセス権を確認するよう管理者に依頼してください。</translation>
    </message>
</context>
<context>
    <name>Settings::SecretStore</name>
    <message>
        <source>&quot;%1&quot; is not a valid secret name.</source>
        <translation>「%1」は秘密情報の名前として正しくありません。</translation>
    </message>
    <message>
        <source>The folder %1 for the secrets file could not be created.</source>
        <translation>秘密情報ファイル用のフォルダー %1 を作成できませんでした。</translation>
    </message>
    <message>
        <source>The secrets file %1 could not be created: %2</source>
        <translation>秘密情報ファイル %1 を作成できませんでした: %2</translation>
    </message>
    <message>
        <source>The permissions of the secrets file %1 could not be set.</source>
        <translation>秘密情報ファイル %1 のアクセス権を設定できませんでした。</translation>
    </message>
    <message>
        <source>The secrets file %1 is damaged and could not be read.</source>
        <translation>秘密情報ファイル %1 は壊れているため、読み込めませんでした。</translation>
    </message>
    <message>
        <source>The secrets file %1 could not be read or written; check that it is yours and that the disk is not full.</source>
        <translation>秘密情報ファイル %1 を読み書きできませんでした。自分のファイルであること、ディスクに空きがあることを確認してください。</translation>
    </message>
    <message>
        <source>The secrets file %1 cannot be read; check that it is a file and that it belongs to you.</source>
        <translation>秘密情報ファイル %1 を読み込めません。ファイルであること、自分が所有していることを確認してください。</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>ファイル %1</translation>
    </message>
    <message>
        <source>The password store (%1) did not give out &quot;%2&quot;: %3</source>
        <translation>パスワードの保存先 (%1) から「%2」を読み出せませんでした: %3</translation>
    </message>
    <message>
        <source>The password store (%1) did not store &quot;%2&quot;: %3</source>
        <translation>パスワードの保存先 (%1) に「%2」を保存できませんでした: %3</translation>
    </message>
    <message>
        <source>The password store (%1) did not delete &quot;%2&quot;: %3</source>
        <translation>パスワードの保存先 (%1) から「%2」を削除できませんでした: %3</translation>
    </message>
    <message>
        <source>The password store (%1) is not available (%2). Yubisashi keeps passwords and sign-in tokens there and does not store them anywhere else unless you say so. Either unlock or start it (on Linux: GNOME Keyring or KWallet) and start Yubisashi again, or keep the secrets in a file that only you can read: in the settings file %3, write store=file in the [secrets] section. The secrets will then be kept in %4.</source>
        <translation>パスワードの保存先 (%1) を使用できません (%2)。Yubisashi はパスワードとサインインのトークンをそこに保存し、指定がない限りほかの場所には保存しません。保存先のロックを解除するか起動して (Linux では GNOME Keyring または KWallet)、Yubisashi を起動し直してください。または、ご自身だけが読めるファイルに保存することもできます。設定ファイル %3 の [secrets] セクションに store=file と書くと、%4 に保存されます。</translation>
    </message>
</context>
<context>
    <name>Settings::ThunderbirdProfiles</name>
    <message>
        <source>Cannot read the Thunderbird profile %1: %2</source>
        <translation>Thunderbird のプロファイル %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>Settings::Validation</name>
    <message>
        <source>&quot;%1&quot; is not a setting Yubisashi knows.</source>
        <translation>「%1」は Yubisashi の設定項目ではありません。</translation>
    </message>
    <message>
        <source>A line break is not allowed here.</source>
        <translation>ここでは改行を使用できません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number. Use a number from %2 to %3.</source>
        <translation>「%1」は整数ではありません。%2 から %3 までの数値を指定してください。</translation>
    </message>
    <message>
        <source>%1 is out of range. Use a number from %2 to %3.</source>
        <translation>%1 は範囲外です。%2 から %3 までの数値を指定してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed. Use true or false.</source>
        <translation>「%1」は使用できません。true または false を指定してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed. Use one of: %2.</source>
        <translation>「%1」は使用できません。次のいずれかを指定してください: %2。</translation>
    </message>
    <message>
        <source>Enter the server name, for example smtp.example.com.</source>
        <translation>サーバー名を入力してください (例: smtp.example.com)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server name. Write only the name, like smtp.example.com, without spaces, port or &quot;@&quot;.</source>
        <translation>「%1」はサーバー名ではありません。スペース、ポート番号、「@」を含めずに、smtp.example.com のように名前だけを入力してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address (like name@example.co.jp).</source>
        <translation>「%1」はメールアドレス (name@example.co.jp など) ではありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a file extension (like exe or .exe).</source>
        <translation>「%1」はファイルの拡張子 (exe や .exe など) ではありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes a single value, not a list.</source>
        <translation>「%1」に指定できる値は 1 つだけです (リストは使用できません)。</translation>
    </message>
    <message>
        <source>Enter a name, for example work.</source>
        <translation>名前を入力してください (例: work)。</translation>
    </message>
    <message>
        <source>a space</source>
        <translation>スペース</translation>
    </message>
    <message>
        <source>%1 is not allowed in the name. The name is the user name your mail program logs in with, so use only the letters A-Z and a-z, digits, &quot;.&quot;, &quot;_&quot; and &quot;-&quot;.</source>
        <translation>名前に %1 は使用できません。この名前はメールソフトが認証に使うユーザー名になるため、英字 (A-Z、a-z)、数字、「.」「_」「-」だけを使用してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is an address. Write only the domain after &quot;@&quot;, like example.co.jp.</source>
        <translation>「%1」はアドレスです。example.co.jp のように、「@」より後ろのドメインだけを入力してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain. Write example.co.jp, or *.example.co.jp for its subdomains.</source>
        <translation>「%1」はドメインではありません。example.co.jp の形式で入力してください (サブドメインも含める場合は *.example.co.jp)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an https address (like https://login.example.com/token).</source>
        <translation>「%1」は https のアドレスではありません (例: https://login.example.com/token)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain. Write the domains of one organisation separated by spaces (example.co.jp example.com), and separate organisations by commas.</source>
        <translation>「%1」はドメインではありません。同じ組織のドメインはスペースで区切り (example.co.jp example.com)、組織と組織の間はカンマで区切ってください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is one domain; an organisation needs two or more, separated by spaces (example.co.jp example.com).</source>
        <translation>「%1」はドメインが 1 つだけです。組織には、スペースで区切った 2 つ以上のドメインが必要です (example.co.jp example.com)。</translation>
    </message>
</context>
<context>
    <name>SignInCommand</name>
    <message>
        <source>Signs an account in with Microsoft 365 or Google (OAuth 2.0) and keeps the sign-in in the secret store. Exit status: 0 signed in, 1 not signed in, 3 error.</source>
        <translation>Microsoft 365 または Google (OAuth 2.0) でアカウントにサインインし、サインイン情報を秘密情報の保存先に保管します。終了ステータス: 0 サインイン済み、1 未サインイン、3 エラー。</translation>
    </message>
    <message>
        <source>Print the sign-in address instead of opening the browser.</source>
        <translation>ブラウザーを開く代わりに、サインイン用のアドレスを表示します。</translation>
    </message>
    <message>
        <source>Sign in on another device with a code (Microsoft 365).</source>
        <translation>別のデバイスでコードを使ってサインインします (Microsoft 365)。</translation>
    </message>
    <message>
        <source>Use the settings file &lt;file&gt;.</source>
        <translation>設定ファイル &lt;file&gt; を使用します。</translation>
    </message>
    <message>
        <source>Same as --no-browser.</source>
        <translation>--no-browser と同じです。</translation>
    </message>
    <message>
        <source>The account to sign in (its local user name).</source>
        <translation>サインインするアカウント (ローカルのユーザー名)。</translation>
    </message>
    <message>
        <source>Usage: yubisashi sign-in ACCOUNT [--no-browser] [--device-code] [--config FILE]</source>
        <translation>使い方: yubisashi sign-in ACCOUNT [--no-browser] [--device-code] [--config FILE]</translation>
    </message>
    <message>
        <source>The settings file %1 does not exist.</source>
        <translation>設定ファイル %1 が存在しません。</translation>
    </message>
    <message>
        <source>There is no account &quot;%1&quot; in %2.</source>
        <translation>%2 にアカウント「%1」はありません。</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; does not sign in with Microsoft or Google (auth is not xoauth2).</source>
        <translation>アカウント「%1」は Microsoft または Google でサインインするアカウントではありません (auth が xoauth2 ではありません)。</translation>
    </message>
    <message>
        <source>Your browser opens to sign in. If it does not, open this address:</source>
        <translation>サインインのためにブラウザーが開きます。開かない場合は、次のアドレスを開いてください:</translation>
    </message>
    <message>
        <source>Open this address in a browser on this computer to sign in:</source>
        <translation>サインインするには、このコンピューターのブラウザーで次のアドレスを開いてください:</translation>
    </message>
    <message>
        <source>On any device, open %1 and enter the code %2</source>
        <translation>任意のデバイスで %1 を開き、コード %2 を入力してください</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>%1 としてサインインしました。</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Another Yubisashi is running but does not answer. If it hangs, end it and start Yubisashi again.</source>
        <translation>別の Yubisashi が動作中ですが応答しません。止まっている場合は終了してから、Yubisashi をもう一度起動してください。</translation>
    </message>
    <message>
        <source>Yubisashi cannot make sure it runs only once (%1).</source>
        <translation>Yubisashi が二重に起動していないことを確認できません (%1)。</translation>
    </message>
    <message>
        <source>Yubisashi cannot make sure it runs only once: there is no private folder for it. Set XDG_RUNTIME_DIR to a folder that only you can use.</source>
        <translation>Yubisashi が二重に起動していないかを確認できません。専用の非公開フォルダーがありません。XDG_RUNTIME_DIR を自分だけが使えるフォルダーに設定してください。</translation>
    </message>
    <message>
        <source>Yubisashi cannot make sure it runs only once: the path of its private folder is too long (%1). Set XDG_RUNTIME_DIR to a shorter folder that only you can use.</source>
        <translation>Yubisashi が二重に起動していないかを確認できません。専用フォルダーのパスが長すぎます（%1）。XDG_RUNTIME_DIR を、自分だけが使える短いパスのフォルダーに設定してください。</translation>
    </message>
</context>
<context>
    <name>Smime::CertificateCheck</name>
    <message>
        <source>Your certificate expired on %1. Ask your administrator for a new certificate, then import it in Settings.</source>
        <translation>証明書の有効期限が %1 に切れています。管理者に新しい証明書を依頼し、設定でインポートしてください。</translation>
    </message>
    <message>
        <source>Your certificate is valid only from %1. Until then messages cannot be signed with it; check the computer&apos;s date or use your current certificate.</source>
        <translation>証明書は %1 から有効になります。それまではこの証明書で署名できません。コンピューターの日付を確認するか、現在の証明書を使用してください。</translation>
    </message>
    <message>
        <source>Your certificate is not meant for e-mail (it was issued for another purpose). Ask your administrator for an e-mail (S/MIME) certificate.</source>
        <translation>証明書はメール用ではありません (別の用途で発行されています)。管理者にメール用 (S/MIME) の証明書を依頼してください。</translation>
    </message>
    <message>
        <source>Your certificate may not be used to sign. Ask your administrator for an e-mail signing certificate.</source>
        <translation>この証明書は署名に使用できません。管理者にメール署名用の証明書を依頼してください。</translation>
    </message>
    <message>
        <source>Your certificate contains no e-mail address, so it cannot sign mail from %1.</source>
        <translation>証明書にメールアドレスが含まれていないため、%1 からのメールに署名できません。</translation>
    </message>
    <message>
        <source>Your certificate belongs to %1, but this message is sent from %2. Send from the address of the certificate, or import the certificate for %2.</source>
        <translation>証明書は %1 のものですが、このメールの差出人は %2 です。証明書のアドレスから送信するか、%2 の証明書をインポートしてください。</translation>
    </message>
    <message>
        <source>The certificate of %1 expired on %2. Ask %1 for a new one.</source>
        <translation>%1 の証明書は %2 に有効期限が切れています。%1 に新しい証明書を依頼してください。</translation>
    </message>
    <message>
        <source>The certificate of %1 is valid only from %2.</source>
        <translation>%1 の証明書は %2 から有効になります。</translation>
    </message>
    <message>
        <source>The certificate of %1 is not meant for e-mail.</source>
        <translation>%1 の証明書はメール用ではありません。</translation>
    </message>
    <message>
        <source>The certificate of %1 may not be used for encryption.</source>
        <translation>%1 の証明書は暗号化に使用できません。</translation>
    </message>
    <message>
        <source>The certificate does not contain the address %1.</source>
        <translation>証明書にアドレス %1 が含まれていません。</translation>
    </message>
</context>
<context>
    <name>Smime::CertificateExpiry</name>
    <message>
        <source>Expired: messages cannot be signed. Import your new certificate.</source>
        <translation>有効期限が切れています。メールに署名できません。新しい証明書をインポートしてください。</translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n day(s): ask for a new certificate and import it.</source>
        <translation>
            <numerusform>あと %n 日で有効期限が切れます。新しい証明書を取得してインポートしてください。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Smime::CertificateStore</name>
    <message>
        <source>The file %1 cannot be opened: %2</source>
        <translation>ファイル %1 を開けません: %2</translation>
    </message>
    <message>
        <source>The password is not correct for this certificate file.</source>
        <translation>この証明書ファイルのパスワードが正しくありません。</translation>
    </message>
    <message>
        <source>This file does not contain a certificate (expected .cer, .pem, .der, .p7c or .p12).</source>
        <translation>このファイルには証明書が含まれていません (.cer、.pem、.der、.p7c、.p12 のいずれかが必要です)。</translation>
    </message>
    <message>
        <source>The file contains no e-mail certificate (only authority certificates or certificates without an e-mail address).</source>
        <translation>このファイルにはメール用の証明書が含まれていません (認証局の証明書か、メールアドレスのない証明書だけです)。</translation>
    </message>
    <message>
        <source>The certificate could not be saved in %1: %2</source>
        <translation>証明書を %1 に保存できませんでした: %2</translation>
    </message>
    <message>
        <source>No such certificate in the store.</source>
        <translation>その証明書は保存されていません。</translation>
    </message>
    <message>
        <source>The certificate could not be removed: %1</source>
        <translation>証明書を削除できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>Smime::EncryptionPolicy</name>
    <message>
        <source>Encryption is turned off for this account.</source>
        <translation>このアカウントでは暗号化がオフになっています。</translation>
    </message>
    <message>
        <source>Not encrypted: no certificate is known for %1.</source>
        <translation>暗号化しません: %1 の証明書がありません。</translation>
    </message>
    <message>
        <source>The message is already encrypted by the mail program.</source>
        <translation>このメールはメールソフトで暗号化済みです。</translation>
    </message>
    <message>
        <source>Not encrypted: it has Bcc recipients (%1), and encryption would show every recipient&apos;s certificate to all.</source>
        <translation>暗号化していません。Bcc の送信先（%1）があり、暗号化するとすべての送信先の証明書が全員に見えてしまうためです。</translation>
    </message>
    <message>
        <source>It has Bcc recipients (%1). Encrypted messages cannot have Bcc recipients here: the encryption would show every recipient&apos;s certificate to all. Send a separate message to the Bcc recipients.</source>
        <translation>Bcc の送信先（%1）があります。暗号化するメールには Bcc の送信先を含められません。暗号化するとすべての送信先の証明書が全員に見えてしまうためです。Bcc の送信先には別のメールで送ってください。</translation>
    </message>
    <message>
        <source>No valid certificate is known for %1. Import their certificates (ask them for a signed message or a .cer file), or remove them from the recipients.</source>
        <translation>%1 の有効な証明書が登録されていません。相手の証明書をインポートする (署名付きメールか .cer ファイルを依頼してください) か、送信先から外してください。</translation>
    </message>
    <message>
        <source>This message must be encrypted because it goes to %1.</source>
        <translation>%1 宛てのため、このメールは暗号化が必要です。</translation>
    </message>
</context>
<context>
    <name>Smime::Encryptor</name>
    <message>
        <source>The message cannot be encrypted: there are no recipients&apos; certificates.</source>
        <translation>メールを暗号化できません: 送信先の証明書がありません。</translation>
    </message>
    <message>
        <source>The message could not be encrypted (%1).</source>
        <translation>メールを暗号化できませんでした (%1)。</translation>
    </message>
</context>
<context>
    <name>Smime::Identity</name>
    <message>
        <source>This file holds only a certificate (PEM), without the private key. Import the .p12 or .pfx file you received with your certificate.</source>
        <translation>このファイルには証明書 (PEM) だけが含まれ、秘密鍵がありません。証明書と一緒に受け取った .p12 または .pfx ファイルをインポートしてください。</translation>
    </message>
    <message>
        <source>This file is not a certificate file in PKCS#12 format (.p12 or .pfx).</source>
        <translation>このファイルは PKCS#12 形式 (.p12 または .pfx) の証明書ファイルではありません。</translation>
    </message>
    <message>
        <source>This certificate file uses an old protection method that cannot be read on this computer. Ask your administrator for a file exported with AES encryption.</source>
        <translation>この証明書ファイルは、このコンピューターでは読み込めない古い保護方式を使用しています。AES 暗号化で書き出したファイルを管理者に依頼してください。</translation>
    </message>
    <message>
        <source>The password is not correct for this certificate file. Check the password you received with the file (it is case-sensitive).</source>
        <translation>この証明書ファイルのパスワードが正しくありません。ファイルと一緒に受け取ったパスワードを確認してください (大文字と小文字は区別されます)。</translation>
    </message>
    <message>
        <source>The certificate file could not be read; it may be damaged. Ask for a new copy.</source>
        <translation>証明書ファイルを読み込めませんでした。ファイルが壊れている可能性があります。新しいファイルを依頼してください。</translation>
    </message>
    <message>
        <source>The certificate file could not be read: the password may be wrong, or the file may be damaged.</source>
        <translation>証明書ファイルを読み込めませんでした: パスワードが間違っているか、ファイルが壊れている可能性があります。</translation>
    </message>
    <message>
        <source>This file contains no private key, so it cannot be used to sign. Import the .p12 or .pfx file that includes your private key.</source>
        <translation>このファイルには秘密鍵が含まれていないため、署名に使用できません。秘密鍵を含む .p12 または .pfx ファイルをインポートしてください。</translation>
    </message>
    <message>
        <source>The private key in this file does not belong to its certificate. Ask your administrator for a correct file.</source>
        <translation>このファイルの秘密鍵は、証明書と対応していません。正しいファイルを管理者に依頼してください。</translation>
    </message>
    <message>
        <source>This file contains no certificate for its private key.</source>
        <translation>このファイルには、秘密鍵に対応する証明書が含まれていません。</translation>
    </message>
    <message>
        <source>The file does not contain the certificates of the authority that issued yours. Some recipients may not be able to check your signature; ask your administrator for a file with the full certificate chain.</source>
        <translation>このファイルには、証明書を発行した認証局の証明書が含まれていません。受信者によっては署名を検証できない場合があります。証明書チェーンをすべて含むファイルを管理者に依頼してください。</translation>
    </message>
    <message>
        <source>The certificate file %1 cannot be opened: %2</source>
        <translation>証明書ファイル %1 を開けません: %2</translation>
    </message>
    <message>
        <source>The certificate could not be saved in %1: %2</source>
        <translation>証明書を %1 に保存できませんでした: %2</translation>
    </message>
</context>
<context>
    <name>Smime::MimeCanonicalizer</name>
    <message>
        <source>The message is nested too deeply to be signed safely.</source>
        <translation>メールの入れ子が深すぎるため、安全に署名できません。</translation>
    </message>
    <message>
        <source>The message structure is damaged (a multipart part without a boundary), so it cannot be signed safely.</source>
        <translation>メールの構造が壊れている (区切りのないマルチパートがある) ため、安全に署名できません。</translation>
    </message>
</context>
<context>
    <name>Smime::Signer</name>
    <message>
        <source>No signing certificate is set up.</source>
        <translation>署名用の証明書が設定されていません。</translation>
    </message>
    <message>
        <source>The message could not be signed (%1).</source>
        <translation>メールに署名できませんでした (%1)。</translation>
    </message>
    <message>
        <source>No signing certificate is set up for this account. Import your certificate (.p12 or .pfx) in Settings.</source>
        <translation>このアカウントには署名用の証明書が設定されていません。設定で証明書 (.p12 または .pfx) をインポートしてください。</translation>
    </message>
    <message>
        <source>The message could not be signed (no free MIME boundary).</source>
        <translation>メールに署名できませんでした (使用できる MIME の区切りがありません)。</translation>
    </message>
</context>
<context>
    <name>Smime::SigningPolicy</name>
    <message>
        <source>Signing is turned off for this account.</source>
        <translation>このアカウントでは署名がオフになっています。</translation>
    </message>
    <message>
        <source>All recipients are internal; signing is only for external mail.</source>
        <translation>送信先はすべて社内です。署名は社外宛てのメールにのみ行います。</translation>
    </message>
    <message>
        <source>The message is already signed or encrypted by the mail program.</source>
        <translation>このメールはメールソフトですでに署名または暗号化されています。</translation>
    </message>
    <message>
        <source>This message must be signed, but no certificate is set up for this account. Import your certificate (.p12 or .pfx) in Settings, or ask your administrator.</source>
        <translation>このメールには署名が必要ですが、このアカウントには証明書が設定されていません。設定で証明書 (.p12 または .pfx) をインポートするか、管理者に相談してください。</translation>
    </message>
</context>
<context>
    <name>Smtp::SmtpClient</name>
    <message>
        <source>Another message is being sent through this connection; this one will be tried again.</source>
        <translation>この接続では別のメールを送信中です。このメールは後で再試行します。</translation>
    </message>
    <message>
        <source>A message is being sent right now; try the connection test again in a moment.</source>
        <translation>現在メールを送信中です。少し待ってから、もう一度接続テストを行ってください。</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>中止されました</translation>
    </message>
    <message>
        <source>No mail server is set for this account. Enter the server name and port in Settings.</source>
        <translation>このアカウントにはメールサーバーが設定されていません。設定でサーバー名とポートを入力してください。</translation>
    </message>
    <message>
        <source>The certificate authority file %1 could not be read: %2. Check the CA file in Settings.</source>
        <translation>認証局 (CA) のファイル %1 を読み込めませんでした: %2。設定で CA ファイルを確認してください。</translation>
    </message>
    <message>
        <source>The certificate authority file %1 contains no PEM certificate. Check the CA file in Settings.</source>
        <translation>認証局 (CA) のファイル %1 に PEM 形式の証明書が含まれていません。設定で CA ファイルを確認してください。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: %1. If %2 is the right server, ask its administrator for the certificate authority and add it as CA file in Settings.</source>
        <translation>サーバーの証明書は信頼されていません: %1。%2 が正しいサーバーであれば、そのサーバーの管理者から認証局の証明書を入手し、設定で CA ファイルとして追加してください。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: %1.</source>
        <translation>サーバーの証明書は信頼されていません: %1。</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be set up: %2. Check the server, port and security settings (STARTTLS usually uses port 587, TLS port 465).</source>
        <translation>%1 との安全な接続を確立できませんでした: %2。サーバー、ポート、接続の保護の設定を確認してください (通常、STARTTLS はポート 587、SSL/TLS はポート 465 を使用します)。</translation>
    </message>
    <message>
        <source>Could not connect to the mail server %1: %2. The message will be sent when the server can be reached.</source>
        <translation>メールサーバー %1 に接続できませんでした: %2。サーバーに接続できるようになったら送信します。</translation>
    </message>
    <message numerus="yes">
        <source>The mail server %1 did not answer within %n second(s). The message will be sent when the server can be reached.</source>
        <translation>
            <numerusform>メールサーバー %1 から %n 秒以内に応答がありませんでした。サーバーに接続できるようになったら送信します。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The mail server %1 stopped accepting the message for %n second(s). It was not sent; it will be tried again.</source>
        <translation>
            <numerusform>メールサーバー %1 が %n 秒間メールを受け取りませんでした。メールは送信されていません。後で再試行します。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The message was sent to %1, but the server did not confirm it within %n second(s). It may or may not have been delivered.</source>
        <translation>
            <numerusform>メールを %1 に送信しましたが、%n 秒以内にサーバーから受信の確認がありませんでした。届いているかどうかはわかりません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The mail server %1 did not answer (%2) within %n second(s). The message will be tried again.</source>
        <translation>
            <numerusform>メールサーバー %1 から %n 秒以内に応答 (%2) がありませんでした。後で再試行します。</numerusform>
        </translation>
    </message>
    <message>
        <source>a reply line longer than %1 bytes</source>
        <translation>%1 バイトを超える応答行</translation>
    </message>
    <message>
        <source>unexpected data after the STARTTLS reply</source>
        <translation>STARTTLS の応答の後の予期しないデータ</translation>
    </message>
    <message>
        <source>a line that is not an SMTP reply</source>
        <translation>SMTP の応答ではない行</translation>
    </message>
    <message>
        <source>a multi-line reply with changing codes</source>
        <translation>途中でコードが変わる複数行の応答</translation>
    </message>
    <message>
        <source>a reply with too many lines</source>
        <translation>行数が多すぎる応答</translation>
    </message>
    <message>
        <source>The mail server %1 stopped the message while it was being sent: %2</source>
        <translation>メールサーバー %1 が送信の途中でメールを止めました: %2</translation>
    </message>
    <message>
        <source>a reply in the middle of the message</source>
        <translation>メールの送信途中での応答</translation>
    </message>
    <message>
        <source>an unexpected reply</source>
        <translation>予期しない応答</translation>
    </message>
    <message>
        <source>The mail server %1 refuses connections from this computer: %2. Check the server in Settings or ask its administrator.</source>
        <translation>メールサーバー %1 はこのコンピューターからの接続を拒否しています: %2。設定でサーバーを確認するか、サーバーの管理者に問い合わせてください。</translation>
    </message>
    <message>
        <source>The mail server %1 is not accepting mail right now: %2. The message will be tried again.</source>
        <translation>メールサーバー %1 は現在メールを受け付けていません: %2。後で再試行します。</translation>
    </message>
    <message>
        <source>The mail server %1 refused the greeting: %2. Check the server in Settings.</source>
        <translation>メールサーバー %1 が接続の開始 (EHLO) を拒否しました: %2。設定でサーバーを確認してください。</translation>
    </message>
    <message>
        <source>The mail server %1 does not offer STARTTLS, so the connection cannot be encrypted. Nothing was sent. Check the port and security settings (TLS usually uses port 465), or ask the server&apos;s administrator.</source>
        <translation>メールサーバー %1 は STARTTLS に対応していないため、接続を暗号化できません。何も送信していません。ポートと接続の保護の設定を確認する (通常、SSL/TLS はポート 465 を使用します) か、サーバーの管理者に問い合わせてください。</translation>
    </message>
    <message>
        <source>The mail server %1 refused to start encryption: %2. Nothing was sent.</source>
        <translation>メールサーバー %1 が暗号化の開始を拒否しました: %2。何も送信していません。</translation>
    </message>
    <message>
        <source>The mail server %1 cannot start encryption right now: %2. Nothing was sent; the message will be tried again.</source>
        <translation>メールサーバー %1 は現在暗号化を開始できません: %2。何も送信していません。後で再試行します。</translation>
    </message>
    <message>
        <source>The mail server %1 does not accept the sign-in method %2 (it offers: %3). Choose another sign-in method in Settings.</source>
        <translation>メールサーバー %1 はサインイン方法 %2 に対応していません (対応している方法: %3)。設定で別のサインイン方法を選んでください。</translation>
    </message>
    <message>
        <source>The mail server %1 does not offer sign-in on this connection. Check the security setting, or set sign-in to &quot;none&quot; in Settings if the server does not need it.</source>
        <translation>メールサーバー %1 はこの接続ではサインインを受け付けていません。接続の保護の設定を確認するか、サーバーがサインインを必要としない場合は、設定でサインイン方法を「サインインしない」にしてください。</translation>
    </message>
    <message>
        <source>The mail server %1 could not check the sign-in right now: %2. The message will be tried again.</source>
        <translation>メールサーバー %1 は現在サインインを確認できません: %2。後で再試行します。</translation>
    </message>
    <message>
        <source>The mail server %1 requires an encrypted connection for sign-in: %2. Choose STARTTLS or TLS in Settings.</source>
        <translation>メールサーバー %1 はサインインに暗号化された接続を必要としています: %2。設定で STARTTLS または SSL/TLS を選んでください。</translation>
    </message>
    <message>
        <source>The mail server %1 does not accept this sign-in method: %2. Choose another sign-in method in Settings.</source>
        <translation>メールサーバー %1 はこのサインイン方法を受け付けません: %2。設定で別のサインイン方法を選んでください。</translation>
    </message>
    <message>
        <source>The mail server %1 refused the sign-in token for %2: %3. Sign in to the account again in Settings.</source>
        <translation>メールサーバー %1 が %2 のサインイントークンを拒否しました: %3。設定でアカウントにもう一度サインインしてください。</translation>
    </message>
    <message>
        <source>(Server details: %1)</source>
        <translation>(サーバーからの詳細: %1)</translation>
    </message>
    <message>
        <source>The mail server %1 refused the user name or password for %2: %3. Check the user name and password in Settings.</source>
        <translation>メールサーバー %1 が %2 のユーザー名またはパスワードを拒否しました: %3。設定でユーザー名とパスワードを確認してください。</translation>
    </message>
    <message>
        <source>Connected to %1 successfully.</source>
        <translation>%1 に正常に接続しました。</translation>
    </message>
    <message>
        <source>Connected to %1 and signed in as %2 successfully.</source>
        <translation>%1 に接続し、%2 として正常にサインインしました。</translation>
    </message>
    <message>
        <source>The message has no recipients, so it was not sent.</source>
        <translation>メールに送信先がないため、送信しませんでした。</translation>
    </message>
    <message>
        <source>The recipient address &quot;%1&quot; is not valid, so the message was not sent.</source>
        <translation>送信先のアドレス「%1」が正しくないため、メールを送信しませんでした。</translation>
    </message>
    <message>
        <source>The sender address &quot;%1&quot; is not valid, so the message was not sent.</source>
        <translation>差出人のアドレス「%1」が正しくないため、メールを送信しませんでした。</translation>
    </message>
    <message>
        <source>The message is %1 MB, but the mail server %2 accepts at most %3 MB. It was not sent; make it smaller (for example by sharing large attachments as a link).</source>
        <translation>メールのサイズは %1 MB ですが、メールサーバー %2 が受け付けるのは %3 MB までです。メールは送信していません。サイズを小さくしてください (大きな添付ファイルはリンクで共有するなど)。</translation>
    </message>
    <message>
        <source>The message contains 8-bit text, but the mail server %1 does not accept 8-bit messages (8BITMIME). It was not sent.</source>
        <translation>メールに 8 ビットのテキストが含まれていますが、メールサーバー %1 は 8 ビットのメール (8BITMIME) を受け付けません。メールは送信していません。</translation>
    </message>
    <message>
        <source>The message uses addresses with non-ASCII characters, but the mail server %1 does not support them (SMTPUTF8). It was not sent; use plain ASCII addresses.</source>
        <translation>メールで ASCII 以外の文字を含むアドレスを使用していますが、メールサーバー %1 はこれに対応していません (SMTPUTF8)。メールは送信していません。ASCII 文字だけのアドレスを使用してください。</translation>
    </message>
    <message>
        <source>The mail server %1 closed the connection: %2. The message will be tried again.</source>
        <translation>メールサーバー %1 が接続を切断しました: %2。後で再試行します。</translation>
    </message>
    <message>
        <source>The mail server %1 requires sign-in or encryption before it accepts mail: %2. Check the security and sign-in settings.</source>
        <translation>メールサーバー %1 はメールを受け付ける前にサインインまたは暗号化を必要としています: %2。接続の保護とサインインの設定を確認してください。</translation>
    </message>
    <message>
        <source>The mail server %1 did not accept the sender right now: %2. The message will be tried again.</source>
        <translation>メールサーバー %1 は現在この差出人を受け付けていません: %2。後で再試行します。</translation>
    </message>
    <message>
        <source>The mail server %1 refused the sender %2: %3</source>
        <translation>メールサーバー %1 が差出人 %2 を拒否しました: %3</translation>
    </message>
    <message>
        <source>The mail server %1 refused the recipient %2: %3. The message was not sent to anyone.</source>
        <translation>メールサーバー %1 が送信先 %2 を拒否しました: %3。メールはどの送信先にも送信していません。</translation>
    </message>
    <message>
        <source>The mail server %1 did not accept the recipient %2 right now: %3. The message was not sent to anyone; it will be tried again.</source>
        <translation>メールサーバー %1 は現在送信先 %2 を受け付けていません: %3。メールはどの送信先にも送信していません。後で再試行します。</translation>
    </message>
    <message>
        <source>The mail server %1 did not accept the message right now: %2. It will be tried again.</source>
        <translation>メールサーバー %1 は現在メールを受け付けていません: %2。後で再試行します。</translation>
    </message>
    <message>
        <source>The mail server %1 refused the message: %2</source>
        <translation>メールサーバー %1 がメールを拒否しました: %2</translation>
    </message>
    <message>
        <source>Sent through %1.</source>
        <translation>%1 経由で送信しました。</translation>
    </message>
    <message>
        <source>The connection to %1 was lost after the message was sent, before the server confirmed it. It may or may not have been delivered.</source>
        <translation>メールの送信後、サーバーの確認を受け取る前に %1 との接続が切れました。届いているかどうかはわかりません。</translation>
    </message>
    <message>
        <source>The connection to the mail server %1 was lost (%2). The message was not sent; it will be tried again.</source>
        <translation>メールサーバー %1 との接続が切れました (%2)。メールは送信されていません。後で再試行します。</translation>
    </message>
    <message>
        <source>The mail server %1 sent something unexpected (%2). The message will be tried again.</source>
        <translation>メールサーバー %1 から予期しない応答がありました (%2)。後で再試行します。</translation>
    </message>
    <message>
        <source>The connection to %1 is not encrypted (security=none) and the server is not on this computer, so signing in would send your sign-in token unencrypted over the network. Yubisashi did not sign in and sent nothing.</source>
        <translation>%1 への接続は暗号化されておらず（security=none）、サーバーはこのコンピューターの外にあります。このままサインインするとサインイン用のトークンが暗号化されずにネットワークを流れるため、Yubisashi はサインインせず、何も送信していません。</translation>
    </message>
    <message>
        <source>The connection to %1 is not encrypted (security=none) and the server is not on this computer, so signing in would send your password unencrypted over the network. Yubisashi did not sign in and sent nothing.</source>
        <translation>%1 への接続は暗号化されておらず（security=none）、サーバーはこのコンピューターの外にあります。このままサインインするとパスワードが暗号化されずにネットワークを流れるため、Yubisashi はサインインせず、何も送信していません。</translation>
    </message>
    <message>
        <source>Set security=starttls or tls for the account, or allow_plaintext_auth=true if this network is trusted.</source>
        <translation>アカウントの security を starttls または tls にしてください。信頼できるネットワークであれば allow_plaintext_auth=true を設定することもできます。</translation>
    </message>
    <message>
        <source>The connection to the mail server %1 could not be used again (%2). The message was not sent; it will be tried again.</source>
        <translation>メールサーバー %1 への接続を再利用できませんでした (%2)。メールは送信されていません。もう一度送信します。</translation>
    </message>
</context>
<context>
    <name>Smtp::SmtpServer</name>
    <message>
        <source>127.0.0.1 port %1: %2</source>
        <translation>127.0.0.1 のポート %1: %2</translation>
    </message>
    <message>
        <source>[::1] port %1: %2 (a mail program that connects to &quot;localhost&quot; may use [::1] rather than 127.0.0.1)</source>
        <translation>[::1] のポート %1: %2（「localhost」に接続するメールソフトは 127.0.0.1 ではなく [::1] を使うことがあります）</translation>
    </message>
</context>
<context>
    <name>Spool::Entry</name>
    <message>
        <source>a list</source>
        <translation>リスト</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>値なし</translation>
    </message>
    <message>
        <source>the key &quot;%1&quot; is missing</source>
        <translation>キー「%1」がありません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be %2, but it is %3</source>
        <translation>「%1」は %2 である必要がありますが、%3 です</translation>
    </message>
    <message>
        <source>text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true または false</translation>
    </message>
    <message>
        <source>a whole number of 0 or more</source>
        <translation>0 以上の整数</translation>
    </message>
    <message>
        <source>a time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>a time in ISO 8601 format with a time zone, such as &quot;2025-04-01T09:30:00.000Z&quot;</source>
        <translation>タイムゾーン付きの ISO 8601 形式の日時 (「2025-04-01T09:30:00.000Z」など)</translation>
    </message>
    <message>
        <source>a file-name safe id (letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;)</source>
        <translation>ファイル名に使える ID (英字、数字、&apos;.&apos;、&apos;_&apos;、&apos;-&apos;)</translation>
    </message>
    <message>
        <source>a list of one or more addresses</source>
        <translation>1 件以上のアドレスのリスト</translation>
    </message>
    <message>
        <source>recipient number %1 in &quot;%2&quot; must be an address, but it is %3</source>
        <translation>「%2」の %1 番目の送信先はアドレスである必要がありますが、%3 です</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>%1 のいずれか</translation>
    </message>
    <message>
        <source>a whole number from 0 to 1000000</source>
        <translation>0 から 1000000 までの整数</translation>
    </message>
</context>
<context>
    <name>Spool::Queue</name>
    <message>
        <source>&quot;%1&quot; is not a spool message id.</source>
        <translation>「%1」は送信キューのメッセージ ID ではありません。</translation>
    </message>
    <message>
        <source>The spool folder %1 is not a folder.</source>
        <translation>送信キューのフォルダー %1 はフォルダーではありません。</translation>
    </message>
    <message>
        <source>The permissions of the spool folder %1 could not be restricted to its owner: %2</source>
        <translation>送信キューのフォルダー %1 のアクセス権を所有者だけに制限できませんでした: %2</translation>
    </message>
    <message>
        <source>The spool folder %1 could not be created: %2</source>
        <translation>送信キューのフォルダー %1 を作成できませんでした: %2</translation>
    </message>
    <message>
        <source>The spool folder %1 could not be opened: %2</source>
        <translation>送信キューのフォルダー %1 を開けませんでした: %2</translation>
    </message>
    <message>
        <source>The spool folder %1 could not be flushed to disk: %2</source>
        <translation>送信キューのフォルダー %1 をディスクに書き込めませんでした: %2</translation>
    </message>
    <message>
        <source>%1 could not be deleted: %2</source>
        <translation>%1 を削除できませんでした: %2</translation>
    </message>
    <message>
        <source>its envelope file could not be read (%1)</source>
        <translation>エンベロープファイルを読み込めませんでした (%1)</translation>
    </message>
    <message>
        <source>its envelope file is empty</source>
        <translation>エンベロープファイルが空です</translation>
    </message>
    <message>
        <source>its envelope file is not valid JSON (%1 at byte %2)</source>
        <translation>エンベロープファイルが正しい JSON ではありません (%2 バイト目: %1)</translation>
    </message>
    <message>
        <source>its envelope file does not hold a JSON object</source>
        <translation>エンベロープファイルに JSON オブジェクトがありません</translation>
    </message>
    <message>
        <source>its envelope file is damaged: %1</source>
        <translation>エンベロープファイルが壊れています: %1</translation>
    </message>
    <message>
        <source>from %1 to %2, received %3</source>
        <translation>差出人 %1、送信先 %2、受付 %3</translation>
    </message>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>フォルダー %1 を作成できませんでした。</translation>
    </message>
    <message>
        <source>a file could not be created</source>
        <translation>ファイルを作成できませんでした</translation>
    </message>
    <message>
        <source>its permissions could not be set</source>
        <translation>アクセス権を設定できませんでした</translation>
    </message>
    <message>
        <source>writing failed</source>
        <translation>書き込みに失敗しました</translation>
    </message>
    <message>
        <source>flushing to disk failed</source>
        <translation>ディスクへの書き出しに失敗しました</translation>
    </message>
    <message>
        <source>closing the file failed</source>
        <translation>ファイルを閉じられませんでした</translation>
    </message>
    <message>
        <source>renaming the file failed</source>
        <translation>ファイル名を変更できませんでした</translation>
    </message>
    <message>
        <source>The message could not be saved in the spool folder %1: %2 (%3).</source>
        <translation>メールを送信キューのフォルダー %1 に保存できませんでした: %2 (%3)。</translation>
    </message>
    <message>
        <source>The message could not be queued: %1.</source>
        <translation>メールを送信キューに入れられませんでした: %1。</translation>
    </message>
    <message>
        <source>Message %1 is no longer in the spool.</source>
        <translation>メッセージ %1 はもう送信キューにありません。</translation>
    </message>
    <message>
        <source>Message %1 could not be updated: %2.</source>
        <translation>メッセージ %1 を更新できませんでした: %2。</translation>
    </message>
    <message>
        <source>The message %1 could not be read from the spool: %2</source>
        <translation>メッセージ %1 を送信キューから読み込めませんでした: %2</translation>
    </message>
    <message>
        <source>its envelope names the message &quot;%1&quot;, which does not match its file name</source>
        <translation>エンベロープに記載のメール名「%1」がファイル名と一致しません</translation>
    </message>
    <message>
        <source>the message content (%1) is missing</source>
        <translation>メールの本体 (%1) がありません</translation>
    </message>
    <message>
        <source>the message content is %1 bytes long, but its envelope says %2 bytes</source>
        <translation>メールの本体は %1 バイトですが、エンベロープには %2 バイトと記載されています</translation>
    </message>
    <message>
        <source>Queued message %1 (%2)</source>
        <translation>送信キューのメッセージ %1 (%2)</translation>
    </message>
    <message>
        <source>Queued message %1</source>
        <translation>送信キューのメッセージ %1</translation>
    </message>
    <message>
        <source>%1 could not be loaded because %2.</source>
        <translation>%1 を読み込めませんでした。理由: %2。</translation>
    </message>
    <message>
        <source>Its files were kept and moved to the folder %1 (%2).</source>
        <translation>ファイルは削除せず、フォルダー %1 に移動しました (%2)。</translation>
    </message>
    <message>
        <source>These files could not be moved and were left in place: %1.</source>
        <translation>次のファイルは移動できなかったため、元の場所に残っています: %1。</translation>
    </message>
    <message>
        <source>Yubisashi will not send or retry it. If it had not been sent yet, send it again from your mail program.</source>
        <translation>Yubisashi はこのメールを送信も再試行もしません。まだ送信されていなかった場合は、メールソフトからもう一度送信してください。</translation>
    </message>
</context>
<context>
    <name>Store::History</name>
    <message>
        <source>The recipient history could not be updated (%1).</source>
        <translation>送信先の履歴を更新できませんでした (%1)。</translation>
    </message>
    <message>
        <source>The recipient history cannot be used: the SQLite driver of Qt is missing.</source>
        <translation>送信先の履歴を使用できません: Qt の SQLite ドライバーがありません。</translation>
    </message>
    <message>
        <source>The recipient history %1 could not be opened (%2).</source>
        <translation>送信先の履歴 %1 を開けませんでした (%2)。</translation>
    </message>
    <message>
        <source>The recipient history %1 is in use by another program. Checks that need it are skipped until it is free.</source>
        <translation>送信先の履歴 %1 は別のプログラムが使用中です。使用できるようになるまで、履歴を使うチェックは省略します。</translation>
    </message>
    <message>
        <source>The recipient history %1 is damaged or is not a Yubisashi history (%2). Move the file away to start a new history; checks that need it are skipped until then.</source>
        <translation>送信先の履歴 %1 は壊れているか、Yubisashi の履歴ではありません (%2)。ファイルを別の場所に移動すると、新しい履歴が作成されます。それまで、履歴を使うチェックは省略します。</translation>
    </message>
    <message>
        <source>The recipient history %1 was written by a newer version of Yubisashi (schema %2; this version reads up to %3). Update Yubisashi.</source>
        <translation>送信先の履歴 %1 は新しいバージョンの Yubisashi で作成されています (スキーマ %2。このバージョンが読めるのは %3 まで)。Yubisashi を更新してください。</translation>
    </message>
    <message>
        <source>The recipient history could not be created (%1).</source>
        <translation>送信先の履歴を作成できませんでした (%1)。</translation>
    </message>
    <message>
        <source>The recipient history could not be upgraded (%1).</source>
        <translation>送信先の履歴をアップグレードできませんでした (%1)。</translation>
    </message>
    <message>
        <source>The recipient history could not be upgraded from schema %1: %2</source>
        <translation>送信先の履歴をスキーマ %1 からアップグレードできませんでした: %2</translation>
    </message>
    <message>
        <source>The recipient history could not be read (%1).</source>
        <translation>送信先の履歴を読み込めませんでした (%1)。</translation>
    </message>
    <message>
        <source>The audit log could not be written (%1).</source>
        <translation>監査ログに書き込めませんでした (%1)。</translation>
    </message>
    <message>
        <source>The recipient history is not open.</source>
        <translation>送信先の履歴が開かれていません。</translation>
    </message>
    <message>
        <source>The audit log could not be read (%1).</source>
        <translation>監査ログを読み込めませんでした (%1)。</translation>
    </message>
    <message>
        <source>%1 could not be written (%2).</source>
        <translation>%1 に書き込めませんでした (%2)。</translation>
    </message>
</context>
<context>
    <name>Store::HistorySearch</name>
    <message>
        <source>%1 cannot be opened (%2).</source>
        <translation>%1 を開けません (%2)。</translation>
    </message>
    <message>
        <source>the recipients could not be read (%1)</source>
        <translation>送信先を読み込めませんでした (%1)</translation>
    </message>
    <message>
        <source>the audit log could not be read (%1)</source>
        <translation>監査ログを読み込めませんでした (%1)</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Protection is back on</source>
        <translation>保護を再開しました</translation>
    </message>
    <message>
        <source>Messages are reviewed again before they leave.</source>
        <translation>送信前の確認が再び行われます。</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) wait for your review</source>
        <translation>
            <numerusform>確認待ちのメールが %n 件あります</numerusform>
        </translation>
    </message>
    <message>
        <source>Messages are sent without review until %1.</source>
        <translation>%1 まで、メールは確認なしで送信されます。</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n message(s)</source>
        <translation>
            <numerusform>%n 件のメールを送信中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) wait to be retried</source>
        <translation>
            <numerusform>再試行待ちのメールが %n 件あります</numerusform>
        </translation>
    </message>
    <message>
        <source>About Yubisashi</source>
        <translation>Yubisashi について</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Yubisashi %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Checks every recipient before a message leaves, signs it and sends it on.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (LGPL-3.0), QtKeychain (BSD-2-Clause), GMime and GLib (LGPL-2.1 or later), ICU (Unicode licence), OpenSSL (Apache-2.0) and SQLite (public domain). Their notices are in THIRD-PARTY-NOTICES.md, installed with Yubisashi.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Yubisashi %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;送信前にすべての送信先を確認し、メールに署名して送信します。&lt;/p&gt;&lt;p&gt;Apache License 2.0 のもとで提供しています。&lt;/p&gt;&lt;p&gt;Qt %2（LGPL-3.0）、QtKeychain（BSD-2-Clause）、GMime と GLib（LGPL-2.1 以降）、ICU（Unicode ライセンス）、OpenSSL（Apache-2.0）、SQLite（パブリックドメイン）を使用しています。各ライセンスの表示は、Yubisashi と一緒にインストールされる THIRD-PARTY-NOTICES.md にあります。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Ui::AboutDialog</name>
    <message>
        <source>If something does not work, whoever helps you may ask for the log files or the diagnostics. The diagnostics never contain passwords.</source>
        <translation>うまく動かないときは、サポート担当者からログファイルや診断情報を求められることがあります。診断情報にパスワードは含まれません。</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>ログフォルダーを開く(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Copy diagnostics</source>
        <translation>診断情報をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>The log folder %1 is open.</source>
        <translation>ログフォルダー %1 を開きました。</translation>
    </message>
    <message>
        <source>The log folder could not be opened. It is %1: open it in your file manager.</source>
        <translation>ログフォルダーを開けませんでした。場所は %1 です。エクスプローラーなどのファイル管理ソフトで開いてください。</translation>
    </message>
    <message>
        <source>The diagnostics are copied. Paste them into a message to whoever helps you with Yubisashi.</source>
        <translation>診断情報をコピーしました。Yubisashi のサポート担当者に送るメールに貼り付けてください。</translation>
    </message>
</context>
<context>
    <name>Ui::AccountForm</name>
    <message>
        <source>for example work</source>
        <translation>例: work</translation>
    </message>
    <message>
        <source>Another account already has the name &quot;%1&quot;.</source>
        <translation>「%1」という名前のアカウントはすでにあります。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>The user name your mail program logs in to Yubisashi with.</source>
        <translation>メールソフトが Yubisashi の認証に使うユーザー名です。</translation>
    </message>
    <message>
        <source>Microsoft 365</source>
        <translation>Microsoft 365</translation>
    </message>
    <message>
        <source>Google (Gmail, Google Workspace)</source>
        <translation>Google (Gmail、Google Workspace)</translation>
    </message>
    <message>
        <source>Other mail server</source>
        <translation>その他のメールサーバー</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>プロバイダー(&amp;P):</translation>
    </message>
    <message>
        <source>for example smtp.example.co.jp</source>
        <translation>例: smtp.example.co.jp</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>サーバー(&amp;S):</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>ポート(&amp;O):</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (通常はポート 587)</translation>
    </message>
    <message>
        <source>TLS from the start (usually port 465)</source>
        <translation>SSL/TLS (通常はポート 465)</translation>
    </message>
    <message>
        <source>None: not encrypted (trusted networks only)</source>
        <translation>なし: 暗号化しない (信頼できるネットワークのみ)</translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation>接続の保護(&amp;E):</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Password (PLAIN)</source>
        <translation>パスワード (PLAIN)</translation>
    </message>
    <message>
        <source>Sign in with Microsoft or Google</source>
        <translation>Microsoft または Google でサインイン</translation>
    </message>
    <message>
        <source>No sign-in</source>
        <translation>サインインしない</translation>
    </message>
    <message>
        <source>Sign-in &amp;method:</source>
        <translation>サインイン方法(&amp;M):</translation>
    </message>
    <message>
        <source>usually your e-mail address</source>
        <translation>通常はメールアドレス</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>ユーザー名(&amp;U):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W):</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>サインイン(&amp;I)…</translation>
    </message>
    <message>
        <source>Sign-in:</source>
        <translation>サインイン:</translation>
    </message>
    <message>
        <source>optional: addresses this account sends as, separated by commas</source>
        <translation>省略可: このアカウントで差出人に使うアドレス (カンマ区切り)</translation>
    </message>
    <message>
        <source>Sends &amp;as:</source>
        <translation>差出人アドレス(&amp;A):</translation>
    </message>
    <message>
        <source>Only messages to people outside the organisation</source>
        <translation>社外宛てのメールのみ</translation>
    </message>
    <message>
        <source>Every message</source>
        <translation>すべてのメール</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>署名しない</translation>
    </message>
    <message>
        <source>S/MIME si&amp;gnature:</source>
        <translation>S/MIME 署名(&amp;G):</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>接続テスト(&amp;T)</translation>
    </message>
    <message>
        <source>Opens the sign-in page of Microsoft or Google in your browser.</source>
        <translation>ブラウザーで Microsoft または Google のサインインページを開きます。</translation>
    </message>
    <message>
        <source>The name cannot be changed: it is the user name your mail program logs in with. Add a new account instead.</source>
        <translation>名前は変更できません (メールソフトが認証に使うユーザー名のため)。代わりに新しいアカウントを追加してください。</translation>
    </message>
    <message>
        <source>saved; type a new one to change it</source>
        <translation>保存済み (変更するには新しいパスワードを入力)</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Correct the marked fields first: %1</source>
        <translation>先に、印の付いた項目を修正してください: %1</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>サインアウト(&amp;O)</translation>
    </message>
    <message>
        <source>Sign in once the account is saved: in Settings, Accounts.</source>
        <translation>アカウントを保存した後に、設定の「アカウント」でサインインしてください。</translation>
    </message>
    <message>
        <source>Once the account is saved, sign in from Settings, Accounts.</source>
        <translation>アカウントを保存した後、設定の「アカウント」からサインインしてください。</translation>
    </message>
</context>
<context>
    <name>Ui::AdminWindow</name>
    <message>
        <source>Internal domains</source>
        <translation>社内ドメイン</translation>
    </message>
    <message>
        <source>Domains of one organisation</source>
        <translation>同じ組織のドメイン</translation>
    </message>
    <message>
        <source>Known domains</source>
        <translation>既知のドメイン</translation>
    </message>
    <message>
        <source>Caution domains</source>
        <translation>要注意ドメイン</translation>
    </message>
    <message>
        <source>Blocked domains</source>
        <translation>送信禁止ドメイン</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>キーワード</translation>
    </message>
    <message>
        <source>Risky file extensions</source>
        <translation>危険な拡張子</translation>
    </message>
    <message>
        <source>Many external addresses from</source>
        <translation>社外アドレスが多いとみなす件数</translation>
    </message>
    <message>
        <source>Many external domains from</source>
        <translation>社外ドメインが多いとみなす件数</translation>
    </message>
    <message>
        <source>Move many external addresses to Bcc</source>
        <translation>多数の社外アドレスを BCC に移す</translation>
    </message>
    <message>
        <source>Landline numbers counted from</source>
        <translation>固定電話番号を個人情報とみなす件数</translation>
    </message>
    <message>
        <source>When to review</source>
        <translation>確認画面を表示する条件</translation>
    </message>
    <message>
        <source>Allow Pause protection</source>
        <translation>保護の一時停止を許可する</translation>
    </message>
    <message>
        <source>Allow reviews answered by a script</source>
        <translation>スクリプトによる確認を許可する</translation>
    </message>
    <message>
        <source>Mail program wait (seconds)</source>
        <translation>メールソフトの待ち時間 (秒)</translation>
    </message>
    <message>
        <source>Countdown after Send (seconds)</source>
        <translation>送信後のカウントダウン (秒)</translation>
    </message>
    <message>
        <source>First retry after (seconds)</source>
        <translation>最初の再送までの時間 (秒)</translation>
    </message>
    <message>
        <source>Longest wait between retries (seconds)</source>
        <translation>再送間隔の上限 (秒)</translation>
    </message>
    <message>
        <source>Give up after (hours)</source>
        <translation>送信をあきらめるまでの時間 (時間)</translation>
    </message>
    <message>
        <source>Server answer timeout (seconds)</source>
        <translation>送信サーバーの応答待ち時間 (秒)</translation>
    </message>
    <message>
        <source>Keep sent messages (days)</source>
        <translation>送信済みメールの保存期間 (日)</translation>
    </message>
    <message>
        <source>Test mode folder</source>
        <translation>テストモードの保存先</translation>
    </message>
    <message>
        <source>Sign-in application (client) ID</source>
        <translation>サインイン用アプリケーション (クライアント) ID</translation>
    </message>
    <message>
        <source>Microsoft 365 tenant</source>
        <translation>Microsoft 365 テナント</translation>
    </message>
    <message>
        <source>Provider preset</source>
        <translation>プロバイダーのプリセット</translation>
    </message>
    <message>
        <source>Submission server</source>
        <translation>送信サーバー</translation>
    </message>
    <message>
        <source>Submission server port</source>
        <translation>送信サーバーのポート</translation>
    </message>
    <message>
        <source>Connection security</source>
        <translation>接続の暗号化</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>認証方式</translation>
    </message>
    <message>
        <source>Server user name</source>
        <translation>サーバーのユーザー名</translation>
    </message>
    <message>
        <source>Sender addresses</source>
        <translation>差出人アドレス</translation>
    </message>
    <message>
        <source>Allow sign-in without encryption</source>
        <translation>暗号化なしのサインインを許可する</translation>
    </message>
    <message>
        <source>Extra certificate authority (PEM)</source>
        <translation>追加の認証局 (PEM)</translation>
    </message>
    <message>
        <source>Sign-in client secret (Google desktop apps)</source>
        <translation>サインイン用クライアントシークレット (Google デスクトップアプリ)</translation>
    </message>
    <message>
        <source>Sign-in scopes</source>
        <translation>サインインのスコープ</translation>
    </message>
    <message>
        <source>Sign-in authorization address</source>
        <translation>サインインの認可エンドポイント</translation>
    </message>
    <message>
        <source>Sign-in token address</source>
        <translation>サインインのトークンエンドポイント</translation>
    </message>
    <message>
        <source>Sign-in device-code address</source>
        <translation>サインインのデバイスコードエンドポイント</translation>
    </message>
    <message>
        <source>Certificate folder</source>
        <translation>証明書の配布フォルダー</translation>
    </message>
    <message>
        <source>S/MIME certificate file</source>
        <translation>S/MIME 証明書ファイル</translation>
    </message>
    <message>
        <source>When to sign (S/MIME)</source>
        <translation>S/MIME 署名の条件</translation>
    </message>
    <message>
        <source>When to encrypt (S/MIME)</source>
        <translation>S/MIME 暗号化の条件</translation>
    </message>
    <message>
        <source>Domains that require encryption</source>
        <translation>暗号化が必須のドメイン</translation>
    </message>
    <message>
        <source>Port for mail programs</source>
        <translation>メールソフトの接続ポート</translation>
    </message>
    <message>
        <source>Mail programs must log in</source>
        <translation>メールソフトに認証を求める</translation>
    </message>
    <message>
        <source>Most connections at once</source>
        <translation>同時接続数の上限</translation>
    </message>
    <message>
        <source>Largest message (bytes)</source>
        <translation>メールの最大サイズ (バイト)</translation>
    </message>
    <message>
        <source>Most recipients per message</source>
        <translation>1 通あたりの送信先数の上限</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>表示言語</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>ログイン時に起動</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>データフォルダー</translation>
    </message>
    <message>
        <source>Secret store</source>
        <translation>秘密情報の保存先</translation>
    </message>
    <message>
        <source>Secrets file</source>
        <translation>秘密情報ファイル</translation>
    </message>
    <message>
        <source>Yubisashi policy for administrators</source>
        <translation>Yubisashi 管理者用ポリシー</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>ドメイン</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>リスト</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>チェック</translation>
    </message>
    <message>
        <source>Review and timing</source>
        <translation>確認とタイミング</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>証明書</translation>
    </message>
    <message>
        <source>Mail programs</source>
        <translation>メールソフト</translation>
    </message>
    <message>
        <source>General</source>
        <translation>全般</translation>
    </message>
    <message>
        <source>Which domains are your organisation&apos;s, which belong together, and which need care.</source>
        <translation>自組織のドメイン、同じ組織に属するドメイン、注意が必要なドメインを指定します。</translation>
    </message>
    <message>
        <source>Words and file types the checks look for.</source>
        <translation>チェックで検出する語句とファイルの種類です。</translation>
    </message>
    <message>
        <source>What each check does with what it finds: off, show, confirm (an extra tick before Send) or block.</source>
        <translation>各チェックで見つかったときの動作: off (無効)、show (表示のみ)、confirm (送信前に追加のチェックが必要)、block (送信しない)。</translation>
    </message>
    <message>
        <source>When the review window is shown, and how long mail waits and is kept.</source>
        <translation>確認画面を表示する条件と、メールの待ち時間・保存期間です。</translation>
    </message>
    <message>
        <source>These apply to every account, whatever each person named it ([accounts]).</source>
        <translation>利用者が付けたアカウント名にかかわらず、すべてのアカウントに適用されます ([accounts])。</translation>
    </message>
    <message>
        <source>Where certificates come from and when mail is signed or encrypted.</source>
        <translation>証明書の配布元と、メールに署名・暗号化する条件です。</translation>
    </message>
    <message>
        <source>The local mail server the mail programs send to.</source>
        <translation>メールソフトが送信に使うローカルメールサーバーです。</translation>
    </message>
    <message>
        <source>Language, start at login, and where data and secrets are kept.</source>
        <translation>表示言語、ログイン時の起動、データと秘密情報の保存先です。</translation>
    </message>
    <message>
        <source>Choose a tier for each setting you want to manage. Locked: every person gets the value and cannot change it. Recommended: a default each person may change. Not set: each person&apos;s own setting applies.</source>
        <translation>管理する設定ごとに適用方法を選んでください。固定: すべての利用者にこの値が適用され、変更できません。推奨: 利用者が変更できる既定値です。未設定: 利用者自身の設定が使われます。</translation>
    </message>
    <message>
        <source>Policy pages</source>
        <translation>ポリシーのページ</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Save as &amp;INI…</source>
        <translation>INI 形式で保存(&amp;I)…</translation>
    </message>
    <message>
        <source>Export .&amp;reg…</source>
        <translation>.reg を書き出す(&amp;R)…</translation>
    </message>
    <message>
        <source>Export .&amp;mobileconfig…</source>
        <translation>.mobileconfig を書き出す(&amp;M)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>推奨</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>Some values cannot be used; their pages are marked: %1. Correct them, or set them to &quot;Not set&quot;, before saving.</source>
        <translation>使用できない値があります。該当するページに印が付いています: %1。保存する前に修正するか、「未設定」にしてください。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) set.</source>
        <translation>
            <numerusform>%n 件の設定を指定しています。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was saved: some values cannot be used. Correct them first:</source>
        <translation>使用できない値があるため、保存しませんでした。先に次の値を修正してください:</translation>
    </message>
    <message>
        <source>Save the policy as an INI file</source>
        <translation>ポリシーを INI ファイルとして保存</translation>
    </message>
    <message>
        <source>Policy files (*.ini)</source>
        <translation>ポリシーファイル (*.ini)</translation>
    </message>
    <message>
        <source>Export the policy for the Windows registry</source>
        <translation>Windows レジストリ用にポリシーを書き出す</translation>
    </message>
    <message>
        <source>Registry files (*.reg)</source>
        <translation>レジストリファイル (*.reg)</translation>
    </message>
    <message>
        <source>Export the policy as a macOS configuration profile</source>
        <translation>ポリシーを macOS の構成プロファイルとして書き出す</translation>
    </message>
    <message>
        <source>Configuration profiles (*.mobileconfig)</source>
        <translation>構成プロファイル (*.mobileconfig)</translation>
    </message>
    <message>
        <source>Saved %1. On Linux, copy it to /etc/xdg/Yubisashi/policy.ini.</source>
        <translation>%1 を保存しました。Linux では /etc/xdg/Yubisashi/policy.ini にコピーしてください。</translation>
    </message>
    <message>
        <source>Exported %1. Import it on Windows with regedit or reg import as an administrator, or deploy the same values with Group Policy.</source>
        <translation>%1 を書き出しました。Windows で管理者として regedit または reg import でインポートするか、グループポリシーで同じ値を配布してください。</translation>
    </message>
    <message>
        <source>Exported %1. Install it on macOS with your device management (MDM) or in System Settings.</source>
        <translation>%1 を書き出しました。macOS ではデバイス管理 (MDM) または「システム設定」でインストールしてください。</translation>
    </message>
    <message>
        <source>Open a policy file</source>
        <translation>ポリシーファイルを開く</translation>
    </message>
    <message>
        <source>Policy files (*.ini *.reg);;All files (*)</source>
        <translation>ポリシーファイル (*.ini *.reg);;すべてのファイル (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) for accounts by name are not shown here; they are kept and saved again as they are.</source>
        <translation>
            <numerusform>名前付きアカウントの設定 %n 件はここに表示されませんが、そのまま保持し、保存時にも書き込みます。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 - Yubisashi policy for administrators</source>
        <translation>%1 - Yubisashi 管理者用ポリシー</translation>
    </message>
    <message>
        <source>Connections kept open per account</source>
        <translation>アカウントごとに開いたままにする接続数</translation>
    </message>
</context>
<context>
    <name>Ui::DialogDecisionProvider</name>
    <message>
        <source>The mail client stopped waiting; the message waits here until you decide.</source>
        <translation>メールソフトの待ち時間が過ぎました。確認が終わるまで、メールはここで待機します。</translation>
    </message>
</context>
<context>
    <name>Ui::FindingBadgeDelegate</name>
    <message numerus="yes">
        <source>%1 +%n</source>
        <translation>
            <numerusform>%1 ほか %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n findings</source>
        <translation>
            <numerusform>注意点 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ui::FirstRunWizard</name>
    <message>
        <source>Set up Yubisashi</source>
        <translation>Yubisashi のセットアップ</translation>
    </message>
    <message>
        <source>Welcome to Yubisashi</source>
        <translation>Yubisashi へようこそ</translation>
    </message>
    <message>
        <source>Yubisashi checks every message before it leaves: who receives it, which files go with it, and whether something looks like a mistake. You tick each recipient and each file, and only then is the message sent.</source>
        <translation>Yubisashi は、メールを送信する前に、誰が受け取るのか、どのファイルが添付されているのか、誤りと思われる点がないかを確認します。送信先と添付ファイルを 1 つずつチェックして初めて、メールが送信されます。</translation>
    </message>
    <message>
        <source>Your mail program sends through Yubisashi on this computer, and Yubisashi sends on through your mail server. The next pages set this up; it takes a few minutes, and everything can be changed later in Settings.</source>
        <translation>メールソフトはこのコンピューター上の Yubisashi にメールを送り、Yubisashi がメールサーバーを通じて送信します。次のページからこの設定を行います。数分で終わり、すべての設定は後から「設定」で変更できます。</translation>
    </message>
    <message>
        <source>How do you want to start?</source>
        <translation>どのように始めますか?</translation>
    </message>
    <message>
        <source>&amp;Send through my mail server (Microsoft 365, Google or another)</source>
        <translation>メールサーバーを通じて送信する(&amp;S) — Microsoft 365、Google など</translation>
    </message>
    <message>
        <source>&amp;Try it first (test mode)</source>
        <translation>テストモードで試す(&amp;T)</translation>
    </message>
    <message>
        <source>In test mode every message is checked as usual, but instead of being sent it is saved as a file. Nothing leaves this computer. Add an account in Settings when you are ready.</source>
        <translation>テストモードでは、メールは通常どおり確認されますが、送信されずにファイルとして保存されます。このコンピューターの外には何も送信されません。準備ができたら、「設定」でアカウントを追加してください。</translation>
    </message>
    <message>
        <source>Your mail server</source>
        <translation>メールサーバー</translation>
    </message>
    <message>
        <source>Choose your provider; for another server, ask your administrator for its name and port.</source>
        <translation>プロバイダーを選んでください。その他のサーバーの場合は、サーバー名とポートを管理者に確認してください。</translation>
    </message>
    <message>
        <source>Your organisation&apos;s domains</source>
        <translation>社内のドメイン</translation>
    </message>
    <message>
        <source>Mail to these domains counts as internal; every other domain is outside and gets a closer look.</source>
        <translation>これらのドメイン宛てのメールは社内として扱います。それ以外のドメインはすべて社外として、より詳しく確認します。</translation>
    </message>
    <message>
        <source>example.co.jp or *.example.co.jp</source>
        <translation>example.co.jp または *.example.co.jp</translation>
    </message>
    <message>
        <source>Type a domain and press Enter. *.example.co.jp also covers osaka.example.co.jp. You can leave this empty and add domains later.</source>
        <translation>ドメインを入力して Enter キーを押してください。*.example.co.jp は osaka.example.co.jp も含みます。空欄のままにして、後からドメインを追加することもできます。</translation>
    </message>
    <message>
        <source>Your certificate (optional)</source>
        <translation>証明書 (省略可)</translation>
    </message>
    <message>
        <source>With an S/MIME certificate, Yubisashi signs your messages so recipients can tell they come from you. It is usually a .p12 or .pfx file with a password, from your organisation.</source>
        <translation>S/MIME 証明書があると、Yubisashi がメールに署名し、受信者は差出人が本人であることを確認できます。証明書は通常、組織から配布されるパスワード付きの .p12 または .pfx ファイルです。</translation>
    </message>
    <message>
        <source>&amp;Import certificate…</source>
        <translation>証明書のインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>No certificate yet? Click Next; you can add it later in Settings, Certificates.</source>
        <translation>証明書がまだない場合は「次へ」をクリックしてください。後から「設定」の「証明書」で追加できます。</translation>
    </message>
    <message>
        <source>Set up your mail program</source>
        <translation>メールソフトの設定</translation>
    </message>
    <message>
        <source>The settings were saved, but a password could not be stored in %1: %2</source>
        <translation>設定は保存しましたが、パスワードを %1 に保存できませんでした: %2</translation>
    </message>
    <message>
        <source>Import it after this wizard, in Settings, Certificates.</source>
        <translation>このウィザードの後、設定の「証明書」でインポートしてください。</translation>
    </message>
    <message>
        <source>Before you can sign in with Microsoft 365 or Google, your administrator must register Yubisashi with them once (docs/OAUTH.md). Until then, go Back and choose &quot;Try it first&quot;, or choose &quot;Other mail server&quot; if your server accepts a password.</source>
        <translation>Microsoft 365 または Google でサインインするには、先に管理者が Yubisashi を登録しておく必要があります (docs/OAUTH.md)。それまでは「戻る」で「テストモードで試す」を選ぶか、パスワードで送信できるサーバーであれば「その他のメールサーバー」を選んでください。</translation>
    </message>
    <message>
        <source>Certificate &amp;password:</source>
        <translation>証明書のパスワード(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開く(&amp;O)</translation>
    </message>
    <message>
        <source>It is imported when you click Finish. No password at hand? Leave it empty and click Next; you can import it later in Settings, Certificates.</source>
        <translation>「完了」をクリックするとインポートします。パスワードが手元にない場合は空欄のまま「次へ」をクリックしてください。後から「設定」の「証明書」でインポートできます。</translation>
    </message>
    <message>
        <source>Your organisation has provided your certificate:
%1
Type the password that came with it and click Open.</source>
        <translation>組織からご自身の証明書が配布されています:
%1
一緒に受け取ったパスワードを入力し、「開く」をクリックしてください。</translation>
    </message>
    <message>
        <source>The settings were saved, but your certificate could not be imported: %1. Import it in Settings, Certificates.</source>
        <translation>設定は保存しましたが、証明書をインポートできませんでした: %1。「設定」の「証明書」でインポートしてください。</translation>
    </message>
    <message>
        <source>Send a test message</source>
        <translation>テストメールを送る</translation>
    </message>
    <message>
        <source>The settings are saved and Yubisashi now receives mail. Send a message to yourself from your mail program: Yubisashi says which program it came from, so you know the setup works. The message is checked with you as any other. You can skip this and Finish.</source>
        <translation>設定を保存し、Yubisashi がメールの受け付けを始めました。メールソフトから自分宛てにメールを送ってください。どのメールソフトから届いたかを表示するので、設定が正しいことを確かめられます。このメールも普段どおり確認画面を通ります。この手順は省略して「完了」を押しても構いません。</translation>
    </message>
    <message>
        <source>Save and test</source>
        <translation>保存してテスト</translation>
    </message>
</context>
<context>
    <name>Ui::HistoryWindow</name>
    <message>
        <source>Export audit log</source>
        <translation>監査ログの書き出し</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>Cancelled at review</source>
        <translation>確認画面で送信を中止</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>ブロック</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>サーバーが拒否</translation>
    </message>
    <message>
        <source>Yubisashi — History</source>
        <translation>Yubisashi — 履歴</translation>
    </message>
    <message>
        <source>Search by address, name, domain or subject</source>
        <translation>アドレス、名前、ドメイン、件名で検索</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>検索(&amp;S):</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>ドメイン</translation>
    </message>
    <message>
        <source>First sent</source>
        <translation>初回送信</translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation>最終送信</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>通数</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>From</source>
        <translation>差出人</translation>
    </message>
    <message>
        <source>To</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>判断</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>Server reply</source>
        <translation>サーバーの応答</translation>
    </message>
    <message>
        <source>Recipients you have written to</source>
        <translation>これまでの送信先</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <source>&amp;Recipients</source>
        <translation>送信先(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Audit log</source>
        <translation>監査ログ(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Export audit log as CSV…</source>
        <translation>監査ログを CSV で書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the whole audit log as a file for a spreadsheet program.</source>
        <translation>監査ログ全体を表計算ソフトで開けるファイルに保存します。</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>The recipient history is not available.</source>
        <translation>送信先の履歴を利用できません。</translation>
    </message>
    <message>
        <source>The recipient history cannot be read: %1</source>
        <translation>送信先の履歴を読み込めません: %1</translation>
    </message>
    <message>
        <source>Showing the first %1 matches. Type more of the name or address to narrow the search.</source>
        <translation>一致した最初の %1 件を表示しています。名前やアドレスをさらに入力すると絞り込めます。</translation>
    </message>
    <message>
        <source>No messages have been sent through Yubisashi yet.</source>
        <translation>Yubisashi を通して送信したメールはまだありません。</translation>
    </message>
    <message>
        <source>No recipient matches “%1”.</source>
        <translation>「%1」に一致する送信先はありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s)</source>
        <translation>
            <numerusform>%n 件の宛先</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log is not available.</source>
        <translation>監査ログを利用できません。</translation>
    </message>
    <message>
        <source>The audit log cannot be read: %1</source>
        <translation>監査ログを読み込めません: %1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <source>No</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Showing the newest %1 matches. Type more to narrow the search, or export the whole log.</source>
        <translation>一致した新しい順の %1 件を表示しています。さらに入力して絞り込むか、ログ全体を書き出してください。</translation>
    </message>
    <message>
        <source>The audit log is empty.</source>
        <translation>監査ログは空です。</translation>
    </message>
    <message>
        <source>No record matches “%1”.</source>
        <translation>「%1」に一致する記録はありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n 件の記録</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log could not be exported: %1</source>
        <translation>監査ログを書き出せませんでした: %1</translation>
    </message>
    <message>
        <source>The audit log was saved as %1.</source>
        <translation>監査ログを %1 に保存しました。</translation>
    </message>
</context>
<context>
    <name>Ui::ListEditor</name>
    <message>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Ui::MailProgramsPage</name>
    <message>
        <source>Set your mail program to send its mail to Yubisashi. Yubisashi checks each message with you and then sends it on through your mail server. Use these settings for the outgoing server (SMTP):</source>
        <translation>メールソフトの送信先を Yubisashi に設定してください。Yubisashi は送信前にメールを 1 通ずつ確認し、メールサーバーを通じて送信します。送信サーバー (SMTP) には次の設定を使用してください:</translation>
    </message>
    <message>
        <source>Outgoing server</source>
        <translation>送信サーバー</translation>
    </message>
    <message>
        <source>Server name:</source>
        <translation>サーバー名:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>ポート番号:</translation>
    </message>
    <message>
        <source>Connection security:</source>
        <translation>接続の保護:</translation>
    </message>
    <message>
        <source>None (the connection never leaves this computer)</source>
        <translation>なし (接続はこのコンピューターの外に出ません)</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>認証方式:</translation>
    </message>
    <message>
        <source>Normal password</source>
        <translation>通常のパスワード認証</translation>
    </message>
    <message>
        <source>Thunderbird</source>
        <translation>Thunderbird</translation>
    </message>
    <message>
        <source>Outlook</source>
        <translation>Outlook</translation>
    </message>
    <message>
        <source>Apple Mail</source>
        <translation>Apple Mail</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 をコピー</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot;</source>
        <translation>アカウント「%1」</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>ユーザー名:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>パスワード:</translation>
    </message>
    <message>
        <source>Generate new password</source>
        <translation>新しいパスワードを生成</translation>
    </message>
    <message>
        <source>Makes a new password. Your mail program then needs the new one.</source>
        <translation>新しいパスワードを作成します。作成後は、メールソフトにも新しいパスワードを設定してください。</translation>
    </message>
    <message>
        <source>&lt;li&gt;Open &lt;b&gt;Account Settings&lt;/b&gt; and choose &lt;b&gt;Outgoing Server (SMTP)&lt;/b&gt; at the bottom of the list.&lt;/li&gt;&lt;li&gt;Click &lt;b&gt;Add…&lt;/b&gt;. Server Name: &lt;b&gt;%1&lt;/b&gt;, Port: &lt;b&gt;%2&lt;/b&gt;, Connection security: &lt;b&gt;None&lt;/b&gt;, Authentication method: &lt;b&gt;Normal password&lt;/b&gt;, User Name: your account&apos;s user name above.&lt;/li&gt;&lt;li&gt;Select your mail account, and under &lt;b&gt;Outgoing Server (SMTP)&lt;/b&gt; choose the server you just added.&lt;/li&gt;&lt;li&gt;Send a message. When Thunderbird asks for the password, paste the password above and let it remember it.&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;アカウント設定&lt;/b&gt; を開き、一覧の一番下にある &lt;b&gt;送信 (SMTP) サーバー&lt;/b&gt; を選びます。&lt;/li&gt;&lt;li&gt;&lt;b&gt;追加…&lt;/b&gt; をクリックし、サーバー名: &lt;b&gt;%1&lt;/b&gt;、ポート番号: &lt;b&gt;%2&lt;/b&gt;、接続の保護: &lt;b&gt;なし&lt;/b&gt;、認証方式: &lt;b&gt;通常のパスワード認証&lt;/b&gt;、ユーザー名: 上記のアカウントのユーザー名 を設定します。&lt;/li&gt;&lt;li&gt;メールアカウントを選び、&lt;b&gt;送信 (SMTP) サーバー&lt;/b&gt; で今追加したサーバーを選びます。&lt;/li&gt;&lt;li&gt;メールを送信します。Thunderbird がパスワードを尋ねてきたら、上記のパスワードを貼り付けて保存させます。&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;Choose &lt;b&gt;File › Account Settings › Account Settings…&lt;/b&gt;, select your account and click &lt;b&gt;Change…&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Outgoing mail server (SMTP): &lt;b&gt;%1&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Click &lt;b&gt;More Settings…&lt;/b&gt;. On &lt;b&gt;Outgoing Server&lt;/b&gt;, tick &lt;b&gt;My outgoing server (SMTP) requires authentication&lt;/b&gt;, choose &lt;b&gt;Log on using&lt;/b&gt; and enter the user name and password above.&lt;/li&gt;&lt;li&gt;On &lt;b&gt;Advanced&lt;/b&gt;, set Outgoing server (SMTP) to &lt;b&gt;%2&lt;/b&gt; and the encrypted connection to &lt;b&gt;None&lt;/b&gt;. Click OK, then Next.&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;ファイル › アカウント設定 › アカウント設定…&lt;/b&gt; を選び、アカウントを選択して &lt;b&gt;変更…&lt;/b&gt; をクリックします。&lt;/li&gt;&lt;li&gt;送信メール サーバー (SMTP) に &lt;b&gt;%1&lt;/b&gt; を入力します。&lt;/li&gt;&lt;li&gt;&lt;b&gt;詳細設定…&lt;/b&gt; をクリックします。&lt;b&gt;送信サーバー&lt;/b&gt; タブで &lt;b&gt;送信サーバー (SMTP) は認証が必要&lt;/b&gt; をオンにし、&lt;b&gt;次のアカウントとパスワードでログオンする&lt;/b&gt; を選んで、上記のユーザー名とパスワードを入力します。&lt;/li&gt;&lt;li&gt;&lt;b&gt;詳細設定&lt;/b&gt; タブで、送信サーバー (SMTP) を &lt;b&gt;%2&lt;/b&gt;、使用する暗号化接続の種類を &lt;b&gt;なし&lt;/b&gt; にします。&lt;b&gt;OK&lt;/b&gt;、&lt;b&gt;次へ&lt;/b&gt; の順にクリックします。&lt;/li&gt;</translation>
    </message>
    <message>
        <source>The new Outlook, and Outlook with a Microsoft 365 (Exchange) account, cannot use another outgoing server. Use classic Outlook with an IMAP account, or another mail program.</source>
        <translation>新しい Outlook と、Microsoft 365 (Exchange) アカウントを使用する Outlook では、別の送信サーバーを使用できません。IMAP アカウントを設定したクラシック Outlook か、別のメールソフトを使用してください。</translation>
    </message>
    <message>
        <source>&lt;li&gt;Choose &lt;b&gt;Mail › Settings › Accounts&lt;/b&gt;, select your account and open &lt;b&gt;Server Settings&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Under &lt;b&gt;Outgoing Mail Server (SMTP)&lt;/b&gt;, choose &lt;b&gt;Edit SMTP Server List…&lt;/b&gt; and add a server with the name &lt;b&gt;%1&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Turn off &lt;b&gt;Automatically manage connection settings&lt;/b&gt;. Port: &lt;b&gt;%2&lt;/b&gt;, &lt;b&gt;Use TLS/SSL&lt;/b&gt; off, Authentication: &lt;b&gt;Password&lt;/b&gt;, with the user name and password above.&lt;/li&gt;&lt;li&gt;Click OK and Save.&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;メール › 設定 › アカウント&lt;/b&gt; を選び、アカウントを選択して &lt;b&gt;サーバ設定&lt;/b&gt; を開きます。&lt;/li&gt;&lt;li&gt;&lt;b&gt;送信用メールサーバ (SMTP)&lt;/b&gt; で &lt;b&gt;SMTP サーバリストを編集…&lt;/b&gt; を選び、名前が &lt;b&gt;%1&lt;/b&gt; のサーバを追加します。&lt;/li&gt;&lt;li&gt;&lt;b&gt;接続設定を自動的に管理&lt;/b&gt; をオフにします。ポート: &lt;b&gt;%2&lt;/b&gt;、&lt;b&gt;TLS/SSL を使用&lt;/b&gt;: オフ、認証: &lt;b&gt;パスワード&lt;/b&gt; とし、上記のユーザー名とパスワードを入力します。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OK&lt;/b&gt; をクリックし、&lt;b&gt;保存&lt;/b&gt; をクリックします。&lt;/li&gt;</translation>
    </message>
    <message>
        <source>Server name</source>
        <translation>サーバー名</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート番号</translation>
    </message>
    <message>
        <source>Set up Thunderbird…</source>
        <translation>Thunderbird を設定…</translation>
    </message>
    <message>
        <source>Writes the outgoing server into your Thunderbird profile (user.js). Thunderbird uses it after a restart.</source>
        <translation>Thunderbird のプロファイル (user.js) に送信サーバーを書き込みます。Thunderbird の再起動後に有効になります。</translation>
    </message>
    <message>
        <source>Send a test message</source>
        <translation>テストメールを送る</translation>
    </message>
    <message>
        <source>Thunderbird&apos;s profile %1 now has the outgoing server &quot;Yubisashi (%2)&quot; as its default. Quit Thunderbird and start it again. The first time it sends, it asks for the password once: paste the password above and tick &quot;Use Password Manager to remember this password&quot;. An account that is set to another outgoing server keeps it: choose Yubisashi in its Account Settings.</source>
        <translation>Thunderbird のプロファイル %1 に、送信サーバー「Yubisashi (%2)」を既定として設定しました。Thunderbird を終了して起動し直してください。初めて送信するときにパスワードを一度だけ尋ねられます。上のパスワードを貼り付け、「パスワードマネージャーにこのパスワードを保存する」にチェックを付けてください。別の送信サーバーを指定しているアカウントはそのままです。そのアカウントの「アカウント設定」で Yubisashi を選んでください。</translation>
    </message>
    <message>
        <source>Set up Thunderbird</source>
        <translation>Thunderbird の設定</translation>
    </message>
    <message>
        <source>No Thunderbird profile was found (looked in %1). Start Thunderbird once, or enter the settings by hand as the steps above say.</source>
        <translation>Thunderbird のプロファイルが見つかりませんでした (%1 を確認しました)。Thunderbird を一度起動するか、上の手順に従って手で設定してください。</translation>
    </message>
    <message>
        <source>%1 (default) — %2</source>
        <translation>%1 (既定) — %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Thunderbird has several profiles. Which one do you use?</source>
        <translation>Thunderbird に複数のプロファイルがあります。使っているプロファイルを選んでください。</translation>
    </message>
</context>
<context>
    <name>Ui::MainWindow</name>
    <message>
        <source>Yubisashi</source>
        <translation>Yubisashi</translation>
    </message>
    <message>
        <source>Waiting for your review:</source>
        <translation>確認待ち:</translation>
    </message>
    <message>
        <source>On its way:</source>
        <translation>処理中:</translation>
    </message>
    <message>
        <source>Needs your attention:</source>
        <translation>対応が必要:</translation>
    </message>
    <message>
        <source>&amp;Queue…</source>
        <translation>送信キュー(&amp;Q)…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>履歴(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>Q&amp;uit</source>
        <translation>終了(&amp;U)</translation>
    </message>
    <message>
        <source>Stop Yubisashi. Your mail program cannot send mail until it runs again.</source>
        <translation>Yubisashi を終了します。再び起動するまで、メールソフトからメールを送信できません。</translation>
    </message>
    <message>
        <source>Closing this window keeps Yubisashi running.</source>
        <translation>このウィンドウを閉じても Yubisashi は動作し続けます。</translation>
    </message>
    <message>
        <source>Protecting your outgoing mail</source>
        <translation>送信メールを保護しています</translation>
    </message>
    <message>
        <source>A message waits for your review</source>
        <translation>確認を待っているメールがあります</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>送信中</translation>
    </message>
    <message>
        <source>A problem needs your attention</source>
        <translation>対応が必要な問題があります</translation>
    </message>
    <message>
        <source>Protection is paused</source>
        <translation>保護を一時停止しています</translation>
    </message>
    <message>
        <source>Yubisashi — %1</source>
        <translation>Yubisashi — %1</translation>
    </message>
    <message>
        <source>&amp;Resume protection</source>
        <translation>保護を再開(&amp;R)</translation>
    </message>
    <message>
        <source>Protection is paused until %1.</source>
        <translation>%1 まで保護を一時停止しています。</translation>
    </message>
    <message>
        <source>Protection is paused.</source>
        <translation>保護を一時停止しています。</translation>
    </message>
    <message>
        <source>&amp;Pause protection…</source>
        <translation>保護を一時停止(&amp;P)…</translation>
    </message>
    <message>
        <source>While paused, messages are sent without review.</source>
        <translation>一時停止中は、メールが確認なしで送信されます。</translation>
    </message>
    <message>
        <source>Your administrator does not allow pausing protection: every message is checked before it leaves.</source>
        <translation>管理者が保護の一時停止を許可していません。すべてのメールは送信前に確認されます。</translation>
    </message>
</context>
<context>
    <name>Ui::PauseDialog</name>
    <message>
        <source>Pause protection</source>
        <translation>保護の一時停止</translation>
    </message>
    <message>
        <source>While protection is paused, messages are sent &lt;b&gt;without review&lt;/b&gt;: recipients are not checked and no warning is shown. Protection comes back on by itself.</source>
        <translation>保護を一時停止している間、メールは&lt;b&gt;確認なしで&lt;/b&gt;送信されます。送信先の確認も警告も行われません。保護は自動的に再開します。</translation>
    </message>
    <message>
        <source>For &amp;15 minutes (until %1)</source>
        <translation>15 分間(&amp;1)・%1 まで</translation>
    </message>
    <message>
        <source>For one &amp;hour (until %1)</source>
        <translation>1 時間(&amp;H)・%1 まで</translation>
    </message>
    <message>
        <source>Until &amp;tomorrow (%1)</source>
        <translation>今日の終わりまで(&amp;T)・%1</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>一時停止(&amp;P)</translation>
    </message>
</context>
<context>
    <name>Ui::QueueModel</name>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Needs your attention</source>
        <translation>対応が必要</translation>
    </message>
    <message>
        <source>On its way</source>
        <translation>処理中</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>Being checked</source>
        <translation>確認中</translation>
    </message>
    <message>
        <source>Waiting for your review</source>
        <translation>確認待ち</translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation>再試行待ち</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>送信待ち</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>送信中</translation>
    </message>
    <message>
        <source>Held, not sent</source>
        <translation>保留 (未送信)</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>送信できませんでした</translation>
    </message>
    <message>
        <source>Next attempt at %1.</source>
        <translation>次の試行は %1 です。</translation>
    </message>
    <message>
        <source>Next attempt at %1. Last attempt: %2</source>
        <translation>次の試行は %1 です。前回: %2</translation>
    </message>
    <message>
        <source>Last attempt: %1</source>
        <translation>前回: %1</translation>
    </message>
    <message>
        <source>Cancelled at review.</source>
        <translation>確認画面で送信を中止しました。</translation>
    </message>
    <message>
        <source>The mail server did not accept the message.</source>
        <translation>メールサーバーがメールを受け付けませんでした。</translation>
    </message>
    <message>
        <source>Attempt %1</source>
        <translation>%1 回目の試行</translation>
    </message>
    <message>
        <source>(no recipients)</source>
        <translation>(送信先なし)</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 ほか %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>(no sender)</source>
        <translation>(差出人なし)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… ほか %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受付</translation>
    </message>
    <message>
        <source>From</source>
        <translation>差出人</translation>
    </message>
    <message>
        <source>To</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
</context>
<context>
    <name>Ui::QueueWindow</name>
    <message>
        <source>Export message</source>
        <translation>メールの書き出し</translation>
    </message>
    <message>
        <source>E-mail message (*.eml)</source>
        <translation>メール (*.eml)</translation>
    </message>
    <message>
        <source>Yubisashi — Queue</source>
        <translation>Yubisashi — 送信キュー</translation>
    </message>
    <message>
        <source>Queued messages</source>
        <translation>キューのメール</translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation>今すぐ再試行(&amp;R)</translation>
    </message>
    <message>
        <source>Try to send this message now instead of waiting for the next attempt.</source>
        <translation>次の試行を待たずに、今すぐこのメールの送信を試みます。</translation>
    </message>
    <message>
        <source>&amp;Send anyway…</source>
        <translation>それでも送信(&amp;S)…</translation>
    </message>
    <message>
        <source>Opens the review again; nothing is sent until you confirm it there.</source>
        <translation>確認画面をもう一度開きます。そこで確認するまで何も送信されません。</translation>
    </message>
    <message>
        <source>&amp;Export as .eml…</source>
        <translation>.eml で書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>Save a copy of the message as a file your mail program can open.</source>
        <translation>メールソフトで開けるファイルとして、メールのコピーを保存します。</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>削除(&amp;D)…</translation>
    </message>
    <message>
        <source>Remove the message from the queue for good; it is not sent.</source>
        <translation>メールをキューから完全に削除します。送信はされません。</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n other recipient(s)</source>
        <translation>
            <numerusform>ほか %n 件の宛先</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no messages in this list.</source>
        <translation>この一覧にメールはありません。</translation>
    </message>
    <message>
        <source>Select a message to see its details.</source>
        <translation>メールを選ぶと詳細が表示されます。</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>差出人: %1</translation>
    </message>
    <message>
        <source>(no sender)</source>
        <translation>(差出人なし)</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>送信先: %1</translation>
    </message>
    <message>
        <source>Received: %1</source>
        <translation>受付: %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状態: %1</translation>
    </message>
    <message>
        <source>Attempts so far: %1</source>
        <translation>これまでの試行回数: %1</translation>
    </message>
    <message>
        <source>Cannot retry</source>
        <translation>再試行できません</translation>
    </message>
    <message>
        <source>This message is no longer waiting for its next attempt. It may be on its way already.</source>
        <translation>このメールはもう次の試行を待っていません。すでに送信中の可能性があります。</translation>
    </message>
    <message>
        <source>Cannot send</source>
        <translation>送信できません</translation>
    </message>
    <message>
        <source>This message can no longer be sent from here. It may have been deleted or sent already.</source>
        <translation>このメールはここからは送信できなくなりました。削除されたか、すでに送信された可能性があります。</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>書き出せません</translation>
    </message>
    <message>
        <source>The queued copy of the message cannot be read: %1</source>
        <translation>キューにあるメールのコピーを読み込めません: %1</translation>
    </message>
    <message>
        <source>%1 could not be written: %2. Choose another folder.</source>
        <translation>%1 に書き込めませんでした: %2。別のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>削除できません</translation>
    </message>
    <message>
        <source>This message is being handed to the mail server right now. Try again in a moment.</source>
        <translation>このメールは今まさにメールサーバーへ渡しているところです。少し待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Delete message?</source>
        <translation>メールを削除しますか?</translation>
    </message>
    <message>
        <source>Delete the sent message to %1 from the queue folder?</source>
        <translation>%1 宛ての送信済みメールをキューのフォルダーから削除しますか?</translation>
    </message>
    <message>
        <source>Delete the message to %1? It will not be sent, and it cannot be restored.</source>
        <translation>%1 宛てのメールを削除しますか? 送信されず、元に戻すこともできません。</translation>
    </message>
    <message>
        <source>Export it as .eml first if you may need it later.</source>
        <translation>後で必要になるかもしれない場合は、先に .eml で書き出してください。</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>残す(&amp;K)</translation>
    </message>
    <message>
        <source>The message could not be deleted. It may be being sent right now; try again in a moment.</source>
        <translation>メールを削除できませんでした。送信中の可能性があります。少し待ってからもう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>Ui::RecipientModel</name>
    <message>
        <source>To</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>CC</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>BCC</translation>
    </message>
    <message>
        <source>Internal: %1 (%2)</source>
        <translation>社内: %1 (%2)</translation>
    </message>
    <message>
        <source>External: %1 (%2)</source>
        <translation>社外: %1 (%2)</translation>
    </message>
    <message>
        <source>Recipients inside your organisation</source>
        <translation>社内の送信先</translation>
    </message>
    <message>
        <source>Recipients outside your organisation: check each one</source>
        <translation>社外の送信先: 1 件ずつ確認してください</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>注意点</translation>
    </message>
    <message>
        <source>Moved from %1 to Bcc: the other recipients will not see this address.</source>
        <translation>%1 から BCC に移します。他の受信者にはこのアドレスが見えません。</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <extracomment>The field a recipient had, and Bcc, where it goes: &quot;To → Bcc&quot;</extracomment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Moved to Bcc</source>
        <translation>BCC に移動済み</translation>
    </message>
    <message>
        <source>Moved to Bcc: the other recipients will not see this address.</source>
        <translation>BCC に移動済みです。他の受信者にはこのアドレスが見えません。</translation>
    </message>
    <message>
        <source>External: %1 (%2), looks like %3</source>
        <translation>社外: %1 (%2)&#x3000;%3 に類似</translation>
    </message>
    <message>
        <source>%1 is not %2: the highlighted letters differ.</source>
        <translation>%1 は %2 ではありません。強調表示した文字が異なります。</translation>
    </message>
    <message>
        <source>Recipients outside your organisation. Ticking the domain ticks only the recipients without a warning; tick each flagged one on its own row.</source>
        <translation>社外の送信先です。ドメインをチェックすると、注意点のない送信先だけがチェックされます。注意点のある送信先は、その行で 1 件ずつチェックしてください。</translation>
    </message>
    <message>
        <source>Tick to confirm: %1</source>
        <translation>チェックして確認: %1</translation>
    </message>
    <message>
        <source>External</source>
        <comment>recipient row marker</comment>
        <extracomment>A short marker on the row of a recipient outside the organisation (Japanese: 社外)</extracomment>
        <translation>社外</translation>
    </message>
    <message numerus="yes">
        <source>Internal: %1 — %n people inside your organisation</source>
        <extracomment>A summary row for an internal domain in a large message; %1 is the domain</extracomment>
        <translation>
            <numerusform>社内: %1 — %n 名</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) inside your organisation. Ticking this row ticks them all; press the right arrow key or click the arrow to see them.</source>
        <translation>
            <numerusform>社内の送信先 %n 件。この行をチェックするとすべてチェックされます。一覧を見るには右矢印キーを押すか、矢印をクリックしてください。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (outside your organisation)</source>
        <translation>%1 (社外)</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>置き換え済み</translation>
    </message>
    <message>
        <source>Replaced by you: the message goes to %1 instead of %2.</source>
        <translation>置き換えました。このメールは %2 ではなく %1 に送られます。</translation>
    </message>
    <message>
        <source>was: %1</source>
        <extracomment>The old recipient of a row replaced at the review: &quot;was: 田中 健二 &lt;kenji@…&gt;&quot;</extracomment>
        <translation>変更前: %1</translation>
    </message>
    <message>
        <source>Probably meant: %1</source>
        <extracomment>Who was probably meant instead of this row&apos;s recipient</extracomment>
        <translation>正しい送信先の候補: %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <comment>replacement</comment>
        <extracomment>The button on a row that replaces its recipient by who was probably meant, or undoes that</extracomment>
        <translation>取り消し</translation>
    </message>
    <message>
        <source>Replace</source>
        <comment>recipient</comment>
        <translation>置き換え</translation>
    </message>
    <message>
        <source>Replaced: was %1. Press Ctrl+R to undo.</source>
        <translation>置き換え済み (変更前: %1)。Ctrl+R で取り消せます。</translation>
    </message>
    <message>
        <source>Probably meant: %1. Press Ctrl+R to replace the address.</source>
        <translation>正しい送信先の候補: %1。Ctrl+R でアドレスを置き換えます。</translation>
    </message>
</context>
<context>
    <name>Ui::ReviewDialog</name>
    <message>
        <source>Review before sending</source>
        <translation>送信前の確認</translation>
    </message>
    <message>
        <source>Review before sending: %1</source>
        <translation>送信前の確認: %1</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>アカウント:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>差出人:</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(件名なし)</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>件名:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>本文:</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>署名:</translation>
    </message>
    <message>
        <source>The message will be signed with your certificate.</source>
        <translation>送信者の証明書で署名して送信します。</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>確認の理由:</translation>
    </message>
    <message>
        <source>&amp;Recipients (%1):</source>
        <translation>送信先 %1 件(&amp;R):</translation>
    </message>
    <message>
        <source>Check all &amp;internal</source>
        <translation>社内をすべてチェック(&amp;I)</translation>
    </message>
    <message>
        <source>Ticks every recipient inside your organisation. External recipients must be ticked one by one.</source>
        <translation>社内の送信先をすべてチェックします。社外の送信先は 1 件ずつチェックしてください。</translation>
    </message>
    <message>
        <source>Named in the message but will not receive it: %1</source>
        <translation>メールに記載されていますが、受信しない相手: %1</translation>
    </message>
    <message>
        <source>No attachments.</source>
        <translation>添付ファイルはありません。</translation>
    </message>
    <message>
        <source>A&amp;ttachments (%1):</source>
        <translation>添付ファイル %1 件(&amp;T):</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>注意点</translation>
    </message>
    <message>
        <source>%1 (inline)</source>
        <translation>%1 (インライン)</translation>
    </message>
    <message>
        <source>Please check</source>
        <translation>確認してください</translation>
    </message>
    <message>
        <source>Why is this message not sent?</source>
        <translation>送信を中止する理由</translation>
    </message>
    <message>
        <source>&amp;Back to review</source>
        <translation>確認に戻る(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>送信(&amp;S)</translation>
    </message>
    <message>
        <source>Everything is ticked.</source>
        <translation>すべてチェックしました。</translation>
    </message>
    <message>
        <source>Recipients ticked: %1 of %2</source>
        <translation>チェック済みの送信先: %1/%2</translation>
    </message>
    <message>
        <source>attachments: %1 of %2</source>
        <translation>添付ファイル: %1/%2</translation>
    </message>
    <message>
        <source>confirmations: %1 of %2</source>
        <translation>確認項目: %1/%2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(本文なし)</translation>
    </message>
    <message>
        <source>Message %1 of %2</source>
        <translation>%2 通中 %1 通目</translation>
    </message>
    <message>
        <source>Cancelled at review</source>
        <translation>確認画面で送信を中止</translation>
    </message>
    <message numerus="yes">
        <source>The %n external address(es) in To and Cc will be sent as Bcc, as your organisation requires: the recipients will not see each other.</source>
        <translation>
            <numerusform>組織の設定により、宛先と CC にある社外のアドレス %n 件は BCC で送信されます。受信者どうしで互いのアドレスは見えません。</numerusform>
        </translation>
    </message>
    <message>
        <source>Everyone still receives the message, but no recipient sees the other external addresses. Your own organisation&apos;s addresses stay visible.</source>
        <translation>全員にメールは届きますが、受信者には他の社外アドレスが見えなくなります。自社のアドレスは見えたままです。</translation>
    </message>
    <message>
        <source>&amp;Recipients (%1, %2 external):</source>
        <translation>送信先 %1 件・うち社外 %2 件(&amp;R):</translation>
    </message>
    <message numerus="yes">
        <source>%n external address(es) in To and Cc can be seen by every recipient.</source>
        <translation>
            <numerusform>宛先と CC にある社外のアドレス %n 件は、すべての受信者に見えます。</numerusform>
        </translation>
    </message>
    <message>
        <source>Mo&amp;ve to Bcc (recommended)</source>
        <translation>BCC に移動(&amp;V)・推奨</translation>
    </message>
    <message>
        <source>Send &amp;as it is</source>
        <translation>このまま送信(&amp;A)</translation>
    </message>
    <message>
        <source>Every recipient sees all the addresses in To and Cc.</source>
        <translation>すべての受信者に、宛先と CC のアドレスがすべて見えます。</translation>
    </message>
    <message>
        <source>I have checked:</source>
        <translation>確認しました:</translation>
    </message>
    <message>
        <source>Reaso&amp;n (optional):</source>
        <translation>理由(&amp;N)・省略可:</translation>
    </message>
    <message>
        <source>Cancel &amp;sending</source>
        <translation>送信を中止(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel sending…</source>
        <translation>送信を中止(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>取り消し(&amp;U)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>閉じる(&amp;L)</translation>
    </message>
    <message numerus="yes">
        <source>The %n external address(es) from To and Cc will be sent as Bcc: the recipients will not see each other&apos;s addresses.</source>
        <translation>
            <numerusform>宛先と CC にある社外のアドレス %n 件を BCC で送信します。受信者どうしで互いのアドレスは見えません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n recipient(s) are inside your organisation.</source>
        <translation>
            <numerusform>送信先 %n 件はすべて社内です。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outside recipient(s) (%1)</source>
        <extracomment>&quot;3 outside recipients (2 domains)&quot;; %1 is &quot;2 domains&quot;</extracomment>
        <translation>
            <numerusform>社外 %n 名（%1）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n domain(s)</source>
        <translation>
            <numerusform>%n ドメイン</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>Joins the parts of the summary line: &quot;3 outside recipients (2 domains) · 1 needs attention&quot;</extracomment>
        <translation>%1・%2</translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>要注意 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>The mail program withdrew this message.</source>
        <translation>このメールはメールソフトによって取り下げられました。</translation>
    </message>
    <message>
        <source>%1
Nothing was sent. If the message is still needed, look in the mail program&apos;s outbox and send it again.</source>
        <translation>%1
このメールは送信されていません。必要な場合は、メールソフトの送信トレイを確認し、もう一度送信してください。</translation>
    </message>
    <message numerus="yes">
        <source>Sending in %n s. Undo or Esc goes back.</source>
        <translation>
            <numerusform>%n 秒後に送信します。「取り消し」または Esc キーで確認に戻ります。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Outside recipients only</source>
        <translation>社外の送信先だけを表示(&amp;O)</translation>
    </message>
    <message>
        <source>Hides the recipients inside your organisation. Flagged ones stay in view, and hidden ones keep their ticks: Send still needs every recipient ticked.</source>
        <translation>社内の送信先を非表示にします。注意点のある送信先は表示されたままです。非表示の送信先のチェックはそのまま残り、送信するにはすべての送信先のチェックが必要です。</translation>
    </message>
    <message numerus="yes">
        <source>%n hidden internal recipient(s) not ticked yet</source>
        <translation>
            <numerusform>非表示の社内の送信先 %n 件が未チェックです</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace with the suggested address</source>
        <translation>候補のアドレスに置き換える</translation>
    </message>
    <message>
        <source>Undo the replacement</source>
        <translation>置き換えを取り消す</translation>
    </message>
    <message>
        <source>Replace with %1</source>
        <translation>%1 に置き換える</translation>
    </message>
</context>
<context>
    <name>Ui::SettingRow</name>
    <message>
        <source>Set by your administrator</source>
        <translation>管理者が設定しています</translation>
    </message>
</context>
<context>
    <name>Ui::SettingsDialog</name>
    <message>
        <source>Yubisashi Settings</source>
        <translation>Yubisashi の設定</translation>
    </message>
    <message>
        <source>Some settings in the file could not be used; their defaults apply:</source>
        <translation>設定ファイルの一部の設定を使用できなかったため、既定値を適用しています:</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>設定ページ</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>Mail programs</source>
        <translation>メールソフト</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>チェック</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>証明書</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>待ち時間</translation>
    </message>
    <message>
        <source>Secrets store</source>
        <translation>秘密情報の保存先</translation>
    </message>
    <message>
        <source>Each account is a mail server Yubisashi sends through. With no account, Yubisashi runs in test mode: messages are checked and saved as files, and nothing is sent.</source>
        <translation>アカウントごとに、Yubisashi が送信に使うメールサーバーを設定します。アカウントがない場合、Yubisashi はテストモードで動作します。メールは確認後にファイルとして保存され、送信されません。</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>追加(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>削除(&amp;M)</translation>
    </message>
    <message>
        <source>(new account)</source>
        <translation>(新しいアカウント)</translation>
    </message>
    <message>
        <source>Two accounts have the name &quot;%1&quot;.</source>
        <translation>「%1」という名前のアカウントが 2 つあります。</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot;: %2</source>
        <translation>アカウント「%1」: %2</translation>
    </message>
    <message>
        <source>&amp;Port Yubisashi listens on:</source>
        <translation>待ち受けポート(&amp;P):</translation>
    </message>
    <message>
        <source>Mail programs must log in (recommended)</source>
        <translation>メールソフトに認証を求める (推奨)</translation>
    </message>
    <message>
        <source>Stops other programs on this computer from sending mail as you.</source>
        <translation>このコンピューター上のほかのプログラムが、本人になりすましてメールを送信するのを防ぎます。</translation>
    </message>
    <message>
        <source>Log-in:</source>
        <translation>認証:</translation>
    </message>
    <message>
        <source>A changed port takes effect the next time Yubisashi starts; change it in your mail program too.</source>
        <translation>ポートの変更は、次に Yubisashi を起動したときに有効になります。メールソフトの設定も変更してください。</translation>
    </message>
    <message>
        <source>example.co.jp or *.example.co.jp</source>
        <translation>example.co.jp または *.example.co.jp</translation>
    </message>
    <message>
        <source>&amp;Internal domains:</source>
        <translation>社内ドメイン(&amp;I):</translation>
    </message>
    <message>
        <source>Your organisation&apos;s mail domains. Every other domain is outside. *.example.co.jp matches the subdomains of example.co.jp.</source>
        <translation>社内のメールドメインです。それ以外のドメインはすべて社外になります。*.example.co.jp は example.co.jp のサブドメインに一致します。</translation>
    </message>
    <message>
        <source>&amp;Caution domains:</source>
        <translation>注意ドメイン(&amp;C):</translation>
    </message>
    <message>
        <source>Mail to these domains needs an extra tick before it is sent.</source>
        <translation>これらのドメイン宛てのメールは、送信前に追加の確認が必要です。</translation>
    </message>
    <message>
        <source>&amp;Blocked domains:</source>
        <translation>禁止ドメイン(&amp;B):</translation>
    </message>
    <message>
        <source>Mail to these domains is never sent.</source>
        <translation>これらのドメイン宛てのメールは送信されません。</translation>
    </message>
    <message>
        <source>a word or phrase</source>
        <translation>単語または語句</translation>
    </message>
    <message>
        <source>&amp;Keywords:</source>
        <translation>キーワード(&amp;K):</translation>
    </message>
    <message>
        <source>A message that contains one of these words in the subject, the text or a file name needs an extra tick.</source>
        <translation>件名、本文、ファイル名にこれらの語句のいずれかを含むメールは、送信前に追加の確認が必要です。</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示する</translation>
    </message>
    <message>
        <source>Ask to confirm</source>
        <translation>確認を求める</translation>
    </message>
    <message>
        <source>Block the message</source>
        <translation>ブロックする</translation>
    </message>
    <message>
        <source>Your S/MIME certificate signs your messages, so recipients can tell they come from you and were not changed. It usually comes as a .p12 or .pfx file with a password.</source>
        <translation>S/MIME 証明書でメールに署名すると、受信者は差出人が本人であること、内容が改ざんされていないことを確認できます。証明書は通常、パスワード付きの .p12 または .pfx ファイルで配布されます。</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>インポート(&amp;I)…</translation>
    </message>
    <message>
        <source>Importing certificates is not available yet.</source>
        <translation>証明書のインポートはまだ利用できません。</translation>
    </message>
    <message>
        <source>%1: no certificate</source>
        <translation>%1: 証明書なし</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Add an account first; each account has its own certificate.</source>
        <translation>先にアカウントを追加してください。証明書はアカウントごとに設定します。</translation>
    </message>
    <message>
        <source>While you review, your mail program waits this long for the result. After that it is told the message is queued, and Yubisashi finishes sending on its own. Thunderbird gives up after 100 seconds, other mail programs often sooner, so values above 60 rarely help. 0: always answer at once.</source>
        <translation>確認している間、メールソフトはこの時間だけ結果を待ちます。この時間を過ぎると、メールソフトには送信キューに入れたことを伝え、Yubisashi が送信を最後まで行います。Thunderbird は 100 秒、ほかのメールソフトはそれより早く待つのをやめることが多いため、60 を超える値はほとんど役に立ちません。0: 常にすぐ応答します。</translation>
    </message>
    <message>
        <source>After you press Send in the review window, wait this long, with an Undo button, before the message goes out. 0: send at once.</source>
        <translation>確認画面で「送信」を押してから、実際に送信するまでの時間です。この間は「取り消し」ボタンで送信を取り消せます。0: すぐに送信します。</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>システムと同じ</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>The new language is used the next time Yubisashi starts.</source>
        <translation>新しい言語は、次に Yubisashi を起動したときに適用されます。</translation>
    </message>
    <message>
        <source>Passwords and sign-in tokens are never written to the settings file. They are kept here:</source>
        <translation>パスワードとサインイントークンは設定ファイルには書き込まれず、次の場所に保管されます:</translation>
    </message>
    <message>
        <source>A &amp;file on this computer</source>
        <translation>このコンピューター上のファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>保存先:</translation>
    </message>
    <message>
        <source>Secrets fi&amp;le:</source>
        <translation>秘密情報ファイル(&amp;L):</translation>
    </message>
    <message>
        <source>In use now: %1</source>
        <translation>現在の保存先: %1</translation>
    </message>
    <message>
        <source>A change takes effect the next time Yubisashi starts. Passwords already saved are not moved: enter them again after the restart.</source>
        <translation>変更は次に Yubisashi を起動したときに有効になります。保存済みのパスワードは移動されないため、再起動後にもう一度入力してください。</translation>
    </message>
    <message>
        <source>The settings were saved, but a password could not be stored in %1: %2</source>
        <translation>設定は保存しましたが、パスワードを %1 に保存できませんでした: %2</translation>
    </message>
    <message>
        <source>General</source>
        <translation>全般</translation>
    </message>
    <message>
        <source>Offer to move them to Bcc</source>
        <translation>BCC に移すよう提案する</translation>
    </message>
    <message>
        <source>Always move them to Bcc</source>
        <translation>常に BCC に移す</translation>
    </message>
    <message>
        <source>Moving them to Bcc changes only who can see the addresses: everyone still receives the message. Your organisation&apos;s addresses stay visible.</source>
        <translation>BCC に移しても変わるのはアドレスの見え方だけで、全員にメールは届きます。自社のアドレスは見えたままです。</translation>
    </message>
    <message>
        <source>&amp;Start Yubisashi when I log in</source>
        <translation>ログイン時に Yubisashi を起動する(&amp;S)</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>起動:</translation>
    </message>
    <message>
        <source>Your mail program sends through Yubisashi, so it has to be running whenever you send mail. This takes effect when you save.</source>
        <translation>メールソフトは Yubisashi を通して送信するため、メールを送るときは Yubisashi が動いている必要があります。この設定は保存すると同時に反映されます。</translation>
    </message>
    <message>
        <source>Those addresses:</source>
        <translation>それらのアドレス:</translation>
    </message>
    <message>
        <source>In the settings file: [checks] %1</source>
        <translation>設定ファイルでは: [checks] %1</translation>
    </message>
    <message>
        <source>Some settings on this page are set by your administrator and cannot be changed here.</source>
        <translation>このページの一部の設定は管理者が設定しているため、ここでは変更できません。</translation>
    </message>
    <message>
        <source>%1 (on the %2 page)</source>
        <translation>%1 (「%2」ページ)</translation>
    </message>
    <message>
        <source>%1: needs correcting</source>
        <translation>%1: 修正が必要です</translation>
    </message>
    <message>
        <source>&quot;Show&quot; lists what a check finds in the review window, &quot;Ask to confirm&quot; also needs a tick beside it before the message can be sent, and &quot;Block the message&quot; stops the message from being sent; &quot;Off&quot; skips the check.</source>
        <translation>「表示する」は見つかった内容を確認画面に表示します。「確認を求める」は、さらにチェックを入れないと送信できないようにします。「ブロックする」はメールを送信しません。「オフ」にするとチェックを行いません。</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>添付ファイル</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>本文</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Mail program &amp;waits:</source>
        <translation>メールソフトの待ち時間(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Countdown after Send:</source>
        <translation>送信前のカウントダウン(&amp;C):</translation>
    </message>
    <message>
        <source>The system&apos;s &amp;password store, %1 (recommended)</source>
        <translation>システムのパスワード保管場所(&amp;P): %1・推奨</translation>
    </message>
    <message>
        <source>&lt;b&gt;The file store is less safe.&lt;/b&gt; Your passwords are written unencrypted to this file. Only your user account can read it, but anyone who can act as you, or who reads a backup or a copy of it, can read your passwords. Use it only when %1 cannot be used on this computer.</source>
        <translation>&lt;b&gt;ファイルへの保存は安全性が低くなります。&lt;/b&gt;パスワードは暗号化されずにこのファイルに書き込まれます。このファイルを読めるのはご自身のユーザーアカウントだけですが、そのアカウントで操作できる人や、ファイルのバックアップやコピーを読める人は、パスワードを読み取れます。このコンピューターで%1を使用できない場合にのみ使用してください。</translation>
    </message>
    <message>
        <source>To save, correct this first on the %1 page: %2</source>
        <translation>保存するには、先に「%1」ページの次の点を修正してください: %2</translation>
    </message>
    <message>
        <source>Import from your &amp;organisation&apos;s folder…</source>
        <translation>組織のフォルダーからインポート(&amp;O)…</translation>
    </message>
    <message>
        <source>Your administrator keeps your certificate in %1; you only need its password.</source>
        <translation>ご自身の証明書は管理者が %1 に置いています。必要なのはそのパスワードだけです。</translation>
    </message>
</context>
<context>
    <name>Ui::TestMessagePanel</name>
    <message>
        <source>Test message</source>
        <translation>テストメール</translation>
    </message>
    <message>
        <source>Stopped waiting. Press &quot;Wait for a test message&quot; to try again.</source>
        <translation>待つのをやめました。もう一度試すには「テストメールを待つ」を押してください。</translation>
    </message>
    <message>
        <source>Yubisashi is not receiving mail yet, so it cannot wait for a test message. It can once Yubisashi runs: open Settings › Mail programs.</source>
        <translation>Yubisashi はまだメールを受け付けていないため、テストメールを待てません。Yubisashi の起動後に「設定」›「メールソフト」から行えます。</translation>
    </message>
    <message>
        <source>Press &quot;Wait for a test message&quot;, then send a message to yourself from your mail program.</source>
        <translation>「テストメールを待つ」を押してから、メールソフトで自分宛てにメールを送ってください。</translation>
    </message>
    <message>
        <source>Received from %1 ✓ — your mail program is set up.</source>
        <translation>%1 から受信しました ✓ — メールソフトの設定は完了しています。</translation>
    </message>
    <message>
        <source>Received a message ✓ — your mail program is set up.</source>
        <translation>メールを受信しました ✓ — メールソフトの設定は完了しています。</translation>
    </message>
    <message>
        <source>Received from a mail program that calls itself &quot;%1&quot; ✓ — your mail program is set up.</source>
        <translation>「%1」と名乗るメールソフトから受信しました ✓ — メールソフトの設定は完了しています。</translation>
    </message>
    <message>
        <source>It logged in as &quot;%1&quot; and sent as &lt;%2&gt;.</source>
        <translation>ユーザー名「%1」で認証し、&lt;%2&gt; として送信しました。</translation>
    </message>
    <message>
        <source>Yubisashi now handles the message as any other.</source>
        <translation>このメールはほかのメールと同じように処理します。</translation>
    </message>
    <message>
        <source>Your mail program</source>
        <translation>メールソフト</translation>
    </message>
    <message>
        <source>%1 connected as &quot;%2&quot; but its password was wrong: copy the password again, paste it into the mail program and send again. Still waiting…</source>
        <translation>%1 がユーザー名「%2」で接続しましたが、パスワードが違います。パスワードをもう一度コピーしてメールソフトに貼り付け、送り直してください。引き続き待っています…</translation>
    </message>
    <message numerus="yes">
        <source>No message arrived in %n minute(s). Check the outgoing server settings and press &quot;Wait for a test message&quot; to try again.</source>
        <translation>
            <numerusform>%n 分以内にメールが届きませんでした。送信サーバーの設定を確認し、「テストメールを待つ」を押してもう一度試してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Send a message to yourself from your mail program now. Waiting for it…</source>
        <translation>今すぐメールソフトから自分宛てにメールを送ってください。届くのを待っています…</translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation>待つのをやめる</translation>
    </message>
    <message>
        <source>Wait for a test message</source>
        <translation>テストメールを待つ</translation>
    </message>
</context>
<context>
    <name>Ui::TrayIcon</name>
    <message>
        <source>&amp;Queue…</source>
        <translation>送信キュー(&amp;Q)…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>履歴(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Pause protection</source>
        <translation>保護を一時停止(&amp;P)</translation>
    </message>
    <message>
        <source>While paused, messages are sent without review.</source>
        <translation>一時停止中は、メールが確認なしで送信されます。</translation>
    </message>
    <message>
        <source>&amp;About Yubisashi</source>
        <translation>Yubisashi について(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Protecting your outgoing mail</source>
        <translation>送信メールを保護しています</translation>
    </message>
    <message>
        <source>A message waits for your review</source>
        <translation>確認を待っているメールがあります</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>送信中</translation>
    </message>
    <message>
        <source>A problem needs your attention</source>
        <translation>対応が必要な問題があります</translation>
    </message>
    <message>
        <source>Protection is paused</source>
        <translation>保護を一時停止しています</translation>
    </message>
    <message>
        <source>Yubisashi: %1</source>
        <translation>Yubisashi: %1</translation>
    </message>
    <message>
        <source>Your administrator does not allow pausing protection: every message is checked before it leaves.</source>
        <translation>管理者が保護の一時停止を許可していません。すべてのメールは送信前に確認されます。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Yubisashi checks every recipient before a message leaves, signs it and sends it on.</source>
        <translation>Yubisashi は送信前にすべての送信先を確認し、メールに署名して送信します。</translation>
    </message>
    <message>
        <source>Use the settings file &lt;file&gt;.</source>
        <translation>設定ファイル &lt;file&gt; を使用します。</translation>
    </message>
    <message>
        <source>Run without windows or tray icon (messages that need a review wait in the queue).</source>
        <translation>ウィンドウとトレイアイコンなしで実行します (確認が必要なメールは送信キューで待機します)。</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. See --help.</source>
        <translation>不明なコマンド「%1」です。--help を参照してください。</translation>
    </message>
    <message>
        <source>Yubisashi is already running; it was asked to show its window.</source>
        <translation>Yubisashi はすでに動作中です。そのウィンドウを表示するよう伝えました。</translation>
    </message>
    <message>
        <source>Yubisashi</source>
        <translation>Yubisashi</translation>
    </message>
    <message>
        <source>Answer every review with &lt;script&gt;: wait, send, send:MS, send-bcc, cancel:REASON (for tests and unattended runs).</source>
        <translation>すべての確認に &lt;script&gt; で答えます: wait、send、send:MS、send-bcc、cancel:REASON(テストと無人運用向け)。</translation>
    </message>
    <message>
        <source>Yubisashi cannot start</source>
        <translation>Yubisashi を起動できません</translation>
    </message>
    <message>
        <source>Finish signing in in the browser window that opened.</source>
        <translation>開いたブラウザーのウィンドウでサインインを完了してください。</translation>
    </message>
    <message>
        <source>Optional: client-setup (print the mail-client settings), check FILE.eml (show the review; see check --help), import-history PATH... (learn recipients from sent mail), sign-in ACCOUNT (OAuth sign-in for Microsoft 365 or Google), admin --check FILE (validate an administrator&apos;s policy file).</source>
        <translation>省略可: client-setup (メールソフトの設定を表示)、check FILE.eml (確認内容を表示。check --help を参照)、import-history PATH... (送信済みメールから送信先を学習)、sign-in ACCOUNT (Microsoft 365 または Google への OAuth サインイン)、admin --check FILE (管理者のポリシーファイルを検証)。</translation>
    </message>
</context>
</TS>
