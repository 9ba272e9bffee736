<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AdminCommand</name>
    <message>
        <source>Validate the policy file &lt;file&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the settings file &lt;file&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid: correct the lines above and check it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is valid: it locks %2 and recommends %3 settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The administrator&apos;s window needs a desktop session. To check a policy file without one, run: yubisashi admin --check FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools for administrators. Without --check, opens the administrator&apos;s window for writing a policy (FILE: a policy.ini or .reg to open) and saving it as policy.ini, .reg or .mobileconfig. --check FILE validates a policy file (policy.ini, or a .reg export of HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Yubisashi) with the rules Yubisashi applies it by. Exit status: 0 valid, 1 not valid, 3 usage error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: yubisashi admin [FILE] or yubisashi admin --check FILE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>The settings file %1 cannot be read: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The local mail-client passwords cannot be read or stored in %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The queue folder cannot be used: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot listen on port %1: %2. Is Yubisashi already running, or is another program using the port? Choose another port in Settings.</source>
        <translation></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation></translation>
    </message>
    <message>
        <source>Save the account with the sign-in method OAuth first and restart Yubisashi; then press Sign in again.</source>
        <translation></translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation></translation>
    </message>
    <message>
        <source>The settings are saved. Quit Yubisashi from its menu and start it again to use them; messages in the queue are kept.</source>
        <translation></translation>
    </message>
    <message>
        <source>Import certificate</source>
        <translation></translation>
    </message>
    <message>
        <source>Import your certificate</source>
        <translation></translation>
    </message>
    <message>
        <source>Certificates (*.p12 *.pfx)</source>
        <translation></translation>
    </message>
    <message>
        <source>Certificate password</source>
        <translation></translation>
    </message>
    <message>
        <source>The password of %1:</source>
        <translation></translation>
    </message>
    <message>
        <source>Certificate not imported</source>
        <translation></translation>
    </message>
    <message>
        <source>Certificate imported</source>
        <translation></translation>
    </message>
    <message>
        <source>Not signed in yet (save the account and restart Yubisashi first).</source>
        <translation></translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Not signed in. Press Sign in.</source>
        <translation></translation>
    </message>
    <message>
        <source>Sign in again: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;, issued by %3, valid %4 to %5, %6</source>
        <translation></translation>
    </message>
    <message>
        <source>Not meant for e-mail (no emailProtection): it cannot sign.</source>
        <translation></translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation></translation>
    </message>
    <message>
        <source>Your administrator requires every message to be reviewed by a person, so Yubisashi cannot start with --decide (reviews answered by a script). Start it without --decide, or ask your administrator to allow it: allow_scripted_decisions=true in [policy] of the policy (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is not in the settings any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation has provided your certificate:
%1
Type the password that came with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new certificate is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation has provided a new certificate for %1. Click here to import it; you only need its password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your certificate has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Your certificate expires in %n day(s)</source>
        <translation>
            <numerusform>Your certificate expires in %n day</numerusform>
            <numerusform>Your certificate expires in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>%1 could not be removed.</source>
        <translation></translation>
    </message>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 could not be written (%2).</source>
        <translation></translation>
    </message>
    <message>
        <source>Checks every recipient before a message leaves</source>
        <translation></translation>
    </message>
    <message>
        <source>The Windows registry entry %1 could not be changed.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>CheckCommand</name>
    <message>
        <source>From: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Recipients (%n):</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 (internal)</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 (EXTERNAL)</source>
        <translation></translation>
    </message>
    <message>
        <source>In To/Cc but will not receive this:</source>
        <translation></translation>
    </message>
    <message>
        <source>Attachments (%n):</source>
        <translation></translation>
    </message>
    <message>
        <source>Findings: none</source>
        <translation></translation>
    </message>
    <message>
        <source>Findings:</source>
        <translation></translation>
    </message>
    <message>
        <source>, confirm</source>
        <translation></translation>
    </message>
    <message>
        <source>Problem in the message: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Verdict: pass (the message would be sent without a review)</source>
        <translation></translation>
    </message>
    <message>
        <source>Verdict: review (the review window would open)</source>
        <translation></translation>
    </message>
    <message>
        <source>Verdict: block (the message would be refused)</source>
        <translation></translation>
    </message>
    <message>
        <source>Shows the review the current policy would produce for a message, without sending it. Exit status: 0 pass, 1 review, 2 block, 3 error.</source>
        <translation></translation>
    </message>
    <message>
        <source>The envelope sender (default: the From address).</source>
        <translation></translation>
    </message>
    <message>
        <source>An envelope recipient; repeat for each (default: To, Cc and Bcc).</source>
        <translation></translation>
    </message>
    <message>
        <source>Print the review as JSON.</source>
        <translation></translation>
    </message>
    <message>
        <source>Use the settings file &lt;file&gt;.</source>
        <translation></translation>
    </message>
    <message>
        <source>Print how long each step took (on stderr).</source>
        <translation></translation>
    </message>
    <message>
        <source>The message (.eml) to check.</source>
        <translation></translation>
    </message>
    <message>
        <source>Usage: yubisashi check FILE.eml [--from ADDRESS] [--rcpt ADDRESS]... [--json] [--config FILE]</source>
        <translation></translation>
    </message>
    <message>
        <source>The settings file %1 does not exist.</source>
        <translation></translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>blocks</source>
        <translation></translation>
    </message>
    <message>
        <source>warning</source>
        <translation></translation>
    </message>
    <message>
        <source>note</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>Attachments, and risky file types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists every attachment, and speaks up for programs, scripts and disguised file names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file sent before to another organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File new here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaks up when a file you sent to one outside organisation now goes to another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recipient&apos;s domain is on the blocked list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaks up for a recipient whose domain is on the blocked list of the Recipients page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recipient&apos;s domain is on the caution list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaks up for a recipient whose domain is on the caution list of the Recipients page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden (Bcc) recipients, or addresses that will not receive it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows who receives the message without being in To or Cc, and who is in To or Cc but will not receive it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recipient is outside your organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaks up for every recipient whose domain is not one of your internal domains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First message to this organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaks up when a message goes to an outside domain for the first time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First message to this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaks up for an outside address you have never sent mail to before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The greeting names nobody among the recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaks up when the greeting at the top of the text names someone who is not a recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A keyword from the Recipients page appears</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaks up when the subject, the text or a file name contains one of your keywords.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A domain that looks like a known one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look-alike</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaks up for an unknown domain that differs from a known one by a letter or two, or by its ending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Many outside addresses can see each other (use Bcc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Many visible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaks up when more outside addresses than the limit are in To and Cc, where every recipient sees them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A known name with a different address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaks up when a name you sent to before comes with a different address this time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data: My Number, card or phone numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaks up when the subject or text contains a My Number, a payment card number or phone numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificate to sign with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaks up when the message should be signed but the account has no valid certificate for the sender.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new organisation joins a conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New in thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaks up when a reply goes to an outside organisation that had no part in the conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A known recipient who is not usually with the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not usual here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaks up when someone you know was never written to together with the other recipients, above all when a person with a similar name usually is.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientSetupCommand</name>
    <message>
        <source>Prints what to enter in your mail program&apos;s outgoing (SMTP) server settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print &lt;format&gt;: text (for people, the default), json (for scripts), msmtprc (an account for ~/.msmtprc) or thunderbird (preferences for Thunderbird&apos;s user.js).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --format json: the account &lt;name&gt; (default: the first one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the settings file &lt;file&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: yubisashi client-setup [--format text|json|msmtprc|thunderbird] [--account NAME] [--config FILE]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Delivery::ConnectionTest</name>
    <message>
        <source>Enter the password first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first; then the connection can be tested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It works: the server %1 answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It works: the server %1 accepted the sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It did not work. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Delivery::Dispatcher</name>
    <message>
        <source>Queue folder problem</source>
        <translation></translation>
    </message>
    <message>
        <source>Yubisashi could not update its queue folder (%1). Check that the disk is not full.</source>
        <translation></translation>
    </message>
    <message>
        <source>A message could not be stored (%1); the mail client keeps it. Check the disk.</source>
        <translation></translation>
    </message>
    <message>
        <source>The queued copy cannot be read: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Message cannot be sent</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) outside your organisation.</source>
        <translation>
            <numerusform>%n recipient outside your organisation.</numerusform>
            <numerusform>%n recipients outside your organisation.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every message is reviewed before it leaves.</source>
        <translation></translation>
    </message>
    <message>
        <source>Blocked: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Message held</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancelled at review: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The message to %1 was cancelled and is kept in the queue. You can send it anyway, export or delete it there.</source>
        <translation></translation>
    </message>
    <message>
        <source>Message delivered</source>
        <translation></translation>
    </message>
    <message>
        <source>The message to %1 has been delivered.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server refused the message: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Message not delivered</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n hour(s) of retrying: %1</source>
        <translation>
            <numerusform>Gave up after %n hour of retrying: %1</numerusform>
            <numerusform>Gave up after %n hours of retrying: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The mail client stopped sending this message.</source>
        <translation></translation>
    </message>
    <message>
        <source>A queued message could not be read</source>
        <translation></translation>
    </message>
    <message>
        <source>The message was deleted from the queue.</source>
        <translation></translation>
    </message>
    <message>
        <source>Yubisashi is shutting down.</source>
        <translation></translation>
    </message>
    <message>
        <source>The addresses in To and Cc could not be moved to Bcc (%1). The message is kept in the queue: send it from there as it is, or delete it and send it again from your mail program.</source>
        <translation></translation>
    </message>
    <message>
        <source>Message waits: the account needs your attention</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is not a recipient of this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an address that can be sent to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient could not be replaced as you chose at the review (%1). The message was not sent and is kept in the queue: delete it and send it again from your mail program with the right address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Delivery::Protection</name>
    <message>
        <source>The certificate password cannot be read from %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Your certificate (%1) cannot be used: %2 Check the certificate in Settings.</source>
        <translation></translation>
    </message>
    <message>
        <source>The account %1 is no longer set up.</source>
        <translation></translation>
    </message>
    <message>
        <source>The message must be encrypted, but no valid certificate is known any more for %1. Import their certificates again, or remove them from the recipients.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Delivery::TestModeTransport</name>
    <message>
        <source>Saved as %1 (test mode, not sent).</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not save %1: %2. Check the test-mode folder in Settings.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Delivery::UpstreamTransport</name>
    <message>
        <source>The account &quot;%1&quot; is not configured any more. Add it again in Settings, or delete the message from the queue.</source>
        <translation></translation>
    </message>
    <message>
        <source>Account &quot;%1&quot; signs in with OAuth, but its sign-in is not set up. Open Settings and press Sign in.</source>
        <translation></translation>
    </message>
    <message>
        <source>No password is stored for account &quot;%1&quot;. Enter it in Settings.</source>
        <translation></translation>
    </message>
    <message>
        <source>The password for account &quot;%1&quot; could not be read: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ImportHistoryCommand</name>
    <message>
        <source>Learns the recipients of sent mail, so that people you have written to before are not reported as first-time recipients.</source>
        <translation></translation>
    </message>
    <message>
        <source>Use the settings file &lt;file&gt;.</source>
        <translation></translation>
    </message>
    <message>
        <source>mbox files, Maildir folders, .eml files or folders of them.</source>
        <translation></translation>
    </message>
    <message>
        <source>Usage: yubisashi import-history PATH... [--config FILE]</source>
        <translation></translation>
    </message>
    <message>
        <source>The settings file %1 does not exist.</source>
        <translation></translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation></translation>
    </message>
    <message>
        <source>%n message(s) had been learned before and were not counted again.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ImportHistoryCommand::Importer</name>
    <message>
        <source>Reading… %n message(s), %1 recipients learned</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Mime</name>
    <message>
        <source>A multipart section has no boundary, so its parts could not be told apart; it was read as a single part.</source>
        <translation></translation>
    </message>
    <message>
        <source>A multipart section contains no parts; its boundary may be missing or wrong.</source>
        <translation></translation>
    </message>
    <message>
        <source>The message seems to be cut off before its end.</source>
        <translation></translation>
    </message>
    <message>
        <source>The message is nested too deeply; its innermost parts were not read.</source>
        <translation></translation>
    </message>
    <message>
        <source>A part has an invalid Content-Type; it was treated as binary data.</source>
        <translation></translation>
    </message>
    <message>
        <source>The message contains a line that is not a valid header; some headers may have been missed.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Mime::HeaderRewrite</name>
    <message>
        <source>The To and Cc fields could not be rewritten exactly.</source>
        <translation></translation>
    </message>
    <message>
        <source>An address in the %1 field could not be separated from the others; separate the addresses with commas, or send without moving them to Bcc.</source>
        <translation></translation>
    </message>
    <message>
        <source>The address %1 cannot be written in the message header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An address in the %1 field could not be separated from the others; separate the addresses with commas.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mime::MailboxReader</name>
    <message>
        <source>%1 does not exist; skipped.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 cannot be read (%2); skipped.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 could not be read to the end (%2).</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Mime::MessageView</name>
    <message>
        <source>The %1 header contains “%2”, which is not an e-mail address.</source>
        <translation></translation>
    </message>
    <message>
        <source>The %1 header uses an unknown character set (%2); its text was guessed and may look wrong.</source>
        <translation></translation>
    </message>
    <message>
        <source>The %1 header contains characters that are not valid in their declared character set; some may look wrong.</source>
        <translation></translation>
    </message>
    <message>
        <source>The %1 header contains a damaged encoded word; that part is shown as it was written.</source>
        <translation></translation>
    </message>
    <message>
        <source>The %1 header contains non-ASCII text that is neither encoded nor UTF-8; its character set was guessed.</source>
        <translation></translation>
    </message>
    <message>
        <source>This does not look like an e-mail message: no headers could be read.</source>
        <translation></translation>
    </message>
    <message>
        <source>The message has no sender address (From).</source>
        <translation></translation>
    </message>
    <message>
        <source>The Date header could not be read.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Mime::Walker</name>
    <message>
        <source>The message text uses an unknown character set (%1); it was guessed and may look wrong.</source>
        <translation></translation>
    </message>
    <message>
        <source>The message text is not valid in its declared character set (%1); some characters may look wrong.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>OAuth</name>
    <message>
        <source>The sign-in server %1 answered: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The sign-in server %1 could not be reached: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The sign-in server %1 sent an answer that could not be read.</source>
        <translation></translation>
    </message>
    <message>
        <source>The sign-in server %1 answered with HTTP status %2.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>OAuth::AuthorizationCodeFlow</name>
    <message numerus="yes">
        <source>The sign-in was not finished within %n minute(s). Start it again.</source>
        <translation>
            <numerusform>The sign-in was not finished within %n minute. Start it again.</numerusform>
            <numerusform>The sign-in was not finished within %n minutes. Start it again.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation></translation>
    </message>
    <message>
        <source>The sign-in was declined in the browser, so Yubisashi cannot send mail for this account. Sign in again and accept the request.</source>
        <translation></translation>
    </message>
    <message>
        <source>The sign-in did not succeed: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation></translation>
    </message>
    <message>
        <source>The sign-in server did not allow Yubisashi to stay signed in (no refresh token). Check that the scopes include offline access (Microsoft: offline_access; Google: access_type=offline).</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>OAuth::DeviceCodeFlow</name>
    <message>
        <source>Signing in with a code on another device is not available for this account. Sign in in the browser instead.</source>
        <translation></translation>
    </message>
    <message>
        <source>The sign-in server sent an incomplete answer for signing in with a code.</source>
        <translation></translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation></translation>
    </message>
    <message>
        <source>The sign-in code expired before it was entered. Start the sign-in again.</source>
        <translation></translation>
    </message>
    <message>
        <source>The sign-in was declined, so Yubisashi cannot send mail for this account. Sign in again and accept the request.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>OAuth::LoopbackReceiver</name>
    <message>
        <source>Could not open a local port for the sign-in: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Yubisashi</source>
        <translation></translation>
    </message>
    <message>
        <source>This address only receives sign-ins.</source>
        <translation></translation>
    </message>
    <message>
        <source>This sign-in link does not belong to the sign-in Yubisashi is waiting for. Start the sign-in again from Yubisashi.</source>
        <translation></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation></translation>
    </message>
    <message>
        <source>You are signed in. You can close this window and return to Yubisashi.</source>
        <translation></translation>
    </message>
    <message>
        <source>Sign-in not completed</source>
        <translation></translation>
    </message>
    <message>
        <source>The sign-in was not completed. You can close this window; Yubisashi shows what happened.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>OAuth::Provider</name>
    <message>
        <source>No application (client) ID is set for signing in. Your administrator registers Yubisashi with Microsoft or Google and sets oauth_client_id (see docs/OAUTH.md).</source>
        <translation></translation>
    </message>
    <message>
        <source>The sign-in addresses are not set. For a server other than Microsoft 365 or Google, set oauth_authorize_url and oauth_token_url (see docs/OAUTH.md).</source>
        <translation></translation>
    </message>
    <message>
        <source>The sign-in address %1 is not a valid https address.</source>
        <translation></translation>
    </message>
    <message>
        <source>No sign-in scopes are set (oauth_scopes).</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>OAuth::TokenManager</name>
    <message>
        <source>No secret store is available to keep the sign-in.</source>
        <translation></translation>
    </message>
    <message>
        <source>Sign in to the account &quot;%1&quot; so Yubisashi can send its mail.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server refused the sign-in of the account &quot;%1&quot; even after it was renewed. Sign in again; if that does not help, ask your administrator whether sending mail with this sign-in (SMTP AUTH) is allowed for your mailbox.</source>
        <translation></translation>
    </message>
    <message>
        <source>The sign-in of the account &quot;%1&quot; has ended (%2). Sign in again; messages wait in the queue until then.</source>
        <translation></translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation></translation>
    </message>
    <message>
        <source>The sign-in server did not allow Yubisashi to stay signed in (no refresh token).</source>
        <translation></translation>
    </message>
    <message>
        <source>You are signed in, but the sign-in could not be saved, so you will have to sign in again after Yubisashi restarts: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>You signed in as %1, but the account is set up for %2. The mail server may refuse to send as %2; sign in with that address, or change the account&apos;s user name in Settings.</source>
        <translation></translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>OAuth::Tokens</name>
    <message>
        <source>The sign-in server sent an answer without a usable access token.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Review::AttachmentCheck</name>
    <message>
        <source>%1 (%2)</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s): %1</source>
        <translation>
            <numerusform>%n attachment: %1</numerusform>
            <numerusform>%n attachments: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The name of &quot;%1&quot; contains invisible characters that reverse the text, so the name you see is not its real name.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; looks like a .%2 file but is a .%3 file that runs when opened.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a .%2 file: a program, script or disk image that mail filters often reject and that can do harm when opened.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Review::AttachmentNewDomainCheck</name>
    <message>
        <source>&quot;%1&quot; was sent before to %2; now it goes to %3. Check that this file is meant for them.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Review::BlockedDomainCheck</name>
    <message>
        <source>Your organisation does not allow sending to %1. Remove these recipients.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Review::CautionDomainCheck</name>
    <message>
        <source>Your organisation asks you to take extra care with %1. Check that these recipients are right.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Review::Check</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Review::CheckPolicy</name>
    <message>
        <source>Setting &quot;%1&quot; in [checks]: there is no check with this name; the checks are %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting &quot;%1&quot; in [checks]: &quot;%2&quot; is not allowed; use one of %3. Using %4 instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Review::EnvelopeHeaderMismatchCheck</name>
    <message numerus="yes">
        <source>%n recipient(s) get a hidden copy (Bcc); the others cannot see them: %1</source>
        <translation>
            <numerusform>%n recipient gets a hidden copy (Bcc); the others cannot see them: %1</numerusform>
            <numerusform>%n recipients get a hidden copy (Bcc); the others cannot see them: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) in To or Cc will not receive this message, because your mail program did not send it to them: %1</source>
        <translation>
            <numerusform>%n address in To or Cc will not receive this message, because your mail program did not send it to that address: %1</numerusform>
            <numerusform>%n addresses in To or Cc will not receive this message, because your mail program did not send it to them: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Review::ExternalRecipientCheck</name>
    <message numerus="yes">
        <source>%n recipient(s) outside your organisation: %1</source>
        <translation>
            <numerusform>%n recipient outside your organisation: %1</numerusform>
            <numerusform>%n recipients outside your organisation: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Review::FirstTimeDomainCheck</name>
    <message numerus="yes">
        <source>You have never written to %n of these organisations (domains) before: %1</source>
        <translation>
            <numerusform>You have never written to this organisation (domain) before: %1</numerusform>
            <numerusform>You have never written to %n of these organisations (domains) before: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Review::FirstTimeRecipientCheck</name>
    <message numerus="yes">
        <source>You have never written to %n of these recipients before: %1</source>
        <translation>
            <numerusform>You have never written to this recipient before: %1</numerusform>
            <numerusform>You have never written to %n of these recipients before: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Review::GreetingMismatchCheck</name>
    <message>
        <source>The message greets &quot;%1&quot;, but no recipient has that name. Check that it goes to the right person.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Review::KeywordCheck</name>
    <message>
        <source>The subject contains %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The message text contains %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The attachment name &quot;%1&quot; contains %2.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Review::LookAlikeDomainCheck</name>
    <message>
        <source>%1 is written with letters from another alphabet (%2) that look like %3.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 uses letters or digits that look like those of %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 has the same name as %2 but ends in .%3 instead of .%4.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%1 differs from %2 by %n letter(s).</source>
        <translation>
            <numerusform>%1 differs from %2 by %n letter.</numerusform>
            <numerusform>%1 differs from %2 by %n letters.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 looks like %2, a domain you know, but it is a different domain. %3</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Review::ManyExternalVisibleCheck</name>
    <message>
        <source>%1 external addresses from %2 organisations are in To and Cc, so every recipient sees all of them. Put them in Bcc to keep them private.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Review::NameAddressMismatchCheck</name>
    <message>
        <source>&quot;%1&quot; was written to before at %2, not at %3.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 was called &quot;%2&quot; before, not &quot;%3&quot;.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Review::PersonalDataCheck</name>
    <message>
        <source>%1 %2</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>The text contains %n number(s) that look like a My Number (individual number): %1</source>
        <translation>
            <numerusform>The text contains %n number that looks like a My Number (individual number): %1</numerusform>
            <numerusform>The text contains %n numbers that look like a My Number (individual number): %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The text contains %n number(s) that look like a payment card number: %1</source>
        <translation>
            <numerusform>The text contains %n number that looks like a payment card number: %1</numerusform>
            <numerusform>The text contains %n numbers that look like a payment card number: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The text contains %n phone number(s): %1</source>
        <translation>
            <numerusform>The text contains %n phone number: %1</numerusform>
            <numerusform>The text contains %n phone numbers: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Review::Reviewer</name>
    <message>
        <source>There is no recipient history.</source>
        <translation></translation>
    </message>
    <message>
        <source>The recipient history is unavailable, so these checks were skipped: %1. %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Sending to %1 is not allowed by your organisation&apos;s policy.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Review::SenderCertificateCheck</name>
    <message>
        <source>This message should be signed, but there is no valid certificate for %1.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Review::ThreadNewDomainCheck</name>
    <message>
        <source>This is a reply, but %1 took no part in the conversation before.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Review::UnusualRecipientCheck</name>
    <message>
        <source>You have never written to %1 together with these people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have rarely written to %1 together with these people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usually you write to %1 with these people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have written to %1 before, but never together with %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings::AdminPolicy</name>
    <message>
        <source>&quot;%1&quot; is a password or sign-in token. Secrets are never taken from the policy: each person enters their own, and Yubisashi keeps it in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a setting Yubisashi knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The administrator&apos;s policy (%1) sets &quot;%2&quot;, which is ignored: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The administrator&apos;s policy (%1) sets &quot;%2&quot;: %3 The default is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The administrator&apos;s policy (%1) recommends &quot;%2&quot;: %3 It is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings::CertificateImport</name>
    <message>
        <source>Add your mail account first: the certificate belongs to an account.</source>
        <translation></translation>
    </message>
    <message>
        <source>The certificate for %1 is imported for the account &quot;%2&quot;. Quit Yubisashi and start it again to sign with it.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Settings::CertificateSource</name>
    <message>
        <source>%1 is not a placeholder Yubisashi knows. Use %email% for the person&apos;s e-mail address and %user% for their login name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your e-mail address for the account first: your certificate is found by it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be part of a file name, so your certificate cannot be found. Ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your administrator has not set a folder with certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate folder %1 cannot be read. Check that you are connected to your organisation&apos;s network; if you are, ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificate for %1 in %2. Ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several certificates in %1 could be yours (%2). Ask your administrator to leave one there named %3.p12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your certificate file %1 cannot be read: %2. Ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate folder %1 cannot be reached. Check that you are connected to your organisation&apos;s network; if you are, ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This certificate belongs to %1, not to you (%2). Nothing was imported. Ask your administrator for your own certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is not in the settings any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings::ClientSetup</name>
    <message>
        <source>Test mode: no account is configured. Reviewed messages are saved in %1 instead of being sent.</source>
        <translation></translation>
    </message>
    <message>
        <source>Set up your mail client&apos;s outgoing (SMTP) server like this:</source>
        <translation></translation>
    </message>
    <message>
        <source>  Server: %1   Port: %2   Security: none (connection stays on this computer)</source>
        <translation></translation>
    </message>
    <message>
        <source>  Authentication: normal password   User name: %1   Password: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>There is no account &quot;%1&quot;. The accounts are: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings::Config</name>
    <message>
        <source>Setting &quot;%1&quot; in [%2]: &quot;%3&quot; is not allowed; use %4. Using %5 instead.</source>
        <translation></translation>
    </message>
    <message>
        <source>[%1]: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation></translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation></translation>
    </message>
    <message>
        <source>no preset</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; in &quot;from&quot; is not an e-mail address (like name@example.co.jp); it is ignored.</source>
        <translation></translation>
    </message>
    <message>
        <source>account &quot;%1&quot; has no server: set host= to its submission server, or preset= to microsoft365 or google. The account is not used until then.</source>
        <translation></translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read. Check that it is a file and that you may read it.</source>
        <translation></translation>
    </message>
    <message>
        <source>The settings file %1 could not be read: it is not a valid INI file.</source>
        <translation></translation>
    </message>
    <message>
        <source>[%1]: the account name &quot;%2&quot; is also the user name mail clients log in with, so it may only contain letters A-Z and a-z, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;. The account is not used.</source>
        <translation></translation>
    </message>
    <message>
        <source>retry_max_seconds (%1) is shorter than retry_initial_seconds (%2); using %2 for both.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; in &quot;%2&quot; is not a domain; write example.co.jp, or *.example.co.jp for its subdomains. It is ignored.</source>
        <translation></translation>
    </message>
    <message>
        <source>Setting &quot;risky_extensions&quot; in [policy]: &quot;%1&quot; is not a file extension (like exe or .exe). It is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; in &quot;same_organisation&quot; is not a domain; write the domains of one organisation separated by spaces (example.co.jp example.com). It is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings::ConfigWriter</name>
    <message>
        <source>&quot;%1&quot; is set by your administrator and cannot be changed here.</source>
        <translation></translation>
    </message>
    <message>
        <source>[%1] contains settings made by your administrator and cannot be removed.</source>
        <translation></translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read, so it is not changed. Check that it is a file and that you may read and write it.</source>
        <translation></translation>
    </message>
    <message>
        <source>The folder %1 cannot be created, so the settings cannot be saved.</source>
        <translation></translation>
    </message>
    <message>
        <source>The settings file %1 is not a valid INI file, so it is not changed (saving would lose what it contains). Correct or remove it, then save again.</source>
        <translation></translation>
    </message>
    <message>
        <source>The settings file %1 cannot be written. Check that you may change it and that the disk is not full.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Settings::IniPolicySource</name>
    <message>
        <source>%1, line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not saved as UTF-8 text (the first character that is not UTF-8 is on line %2). Editors on Japanese Windows often save as Shift_JIS (ANSI): open the file in Notepad, choose File, Save As, set Encoding to UTF-8 and save it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The administrator&apos;s policy file %1 cannot be read, so its settings are not applied. Ask your administrator to check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The administrator&apos;s policy file %1 is not a valid INI file, so its settings are not applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: this line is neither a [section] nor key=value; it is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings::KeychainName</name>
    <message>
        <source>Credential Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret Service keyring</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings::ManagedPreferencesSource</name>
    <message>
        <source>The administrator&apos;s policy %1 cannot be read, so its settings are not applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The administrator&apos;s policy %1 is not a valid property list, so its settings are not applied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings::PolicyCheck</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is neither a policy INI file nor a registry export (.reg).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings::PolicyExport</name>
    <message>
        <source>%1 could not be written: %2. Choose another folder or check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings::RegPolicyFile</name>
    <message>
        <source>%1: a registry key must be written in square brackets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: this deletes a registry key; a policy file only sets values. It is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the key %2 is not under HKEY_LOCAL_MACHINE or HKEY_CURRENT_USER\SOFTWARE\Policies\Yubisashi; its values are ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: this line is neither a [registry key] nor &quot;name&quot;=value; it is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: this deletes the value &quot;%2&quot;; a policy file only sets values. It is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the value of &quot;%2&quot; is neither text (&quot;...&quot;) nor a number (dword:...); write it as text.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings::RegistryPolicySource</name>
    <message>
        <source>The administrator&apos;s policy in the registry key %1 cannot be read, so its settings are not applied. Ask your administrator to check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings::SecretStore</name>
    <message>
        <source>&quot;%1&quot; is not a valid secret name.</source>
        <translation></translation>
    </message>
    <message>
        <source>The folder %1 for the secrets file could not be created.</source>
        <translation></translation>
    </message>
    <message>
        <source>The secrets file %1 could not be created: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The permissions of the secrets file %1 could not be set.</source>
        <translation></translation>
    </message>
    <message>
        <source>The secrets file %1 is damaged and could not be read.</source>
        <translation></translation>
    </message>
    <message>
        <source>The secrets file %1 could not be read or written; check that it is yours and that the disk is not full.</source>
        <translation></translation>
    </message>
    <message>
        <source>The secrets file %1 cannot be read; check that it is a file and that it belongs to you.</source>
        <translation></translation>
    </message>
    <message>
        <source>file %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The password store (%1) did not give out &quot;%2&quot;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password store (%1) did not store &quot;%2&quot;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password store (%1) did not delete &quot;%2&quot;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password store (%1) is not available (%2). Yubisashi keeps passwords and sign-in tokens there and does not store them anywhere else unless you say so. Either unlock or start it (on Linux: GNOME Keyring or KWallet) and start Yubisashi again, or keep the secrets in a file that only you can read: in the settings file %3, write store=file in the [secrets] section. The secrets will then be kept in %4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings::ThunderbirdProfiles</name>
    <message>
        <source>Cannot read the Thunderbird profile %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings::Validation</name>
    <message>
        <source>&quot;%1&quot; is not a setting Yubisashi knows.</source>
        <translation></translation>
    </message>
    <message>
        <source>A line break is not allowed here.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number. Use a number from %2 to %3.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is out of range. Use a number from %2 to %3.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed. Use true or false.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed. Use one of: %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>Enter the server name, for example smtp.example.com.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server name. Write only the name, like smtp.example.com, without spaces, port or &quot;@&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address (like name@example.co.jp).</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a file extension (like exe or .exe).</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes a single value, not a list.</source>
        <translation></translation>
    </message>
    <message>
        <source>Enter a name, for example work.</source>
        <translation></translation>
    </message>
    <message>
        <source>a space</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is not allowed in the name. The name is the user name your mail program logs in with, so use only the letters A-Z and a-z, digits, &quot;.&quot;, &quot;_&quot; and &quot;-&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is an address. Write only the domain after &quot;@&quot;, like example.co.jp.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain. Write example.co.jp, or *.example.co.jp for its subdomains.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an https address (like https://login.example.com/token).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain. Write the domains of one organisation separated by spaces (example.co.jp example.com), and separate organisations by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is one domain; an organisation needs two or more, separated by spaces (example.co.jp example.com).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInCommand</name>
    <message>
        <source>Signs an account in with Microsoft 365 or Google (OAuth 2.0) and keeps the sign-in in the secret store. Exit status: 0 signed in, 1 not signed in, 3 error.</source>
        <translation></translation>
    </message>
    <message>
        <source>Print the sign-in address instead of opening the browser.</source>
        <translation></translation>
    </message>
    <message>
        <source>Sign in on another device with a code (Microsoft 365).</source>
        <translation></translation>
    </message>
    <message>
        <source>Use the settings file &lt;file&gt;.</source>
        <translation></translation>
    </message>
    <message>
        <source>Same as --no-browser.</source>
        <translation></translation>
    </message>
    <message>
        <source>The account to sign in (its local user name).</source>
        <translation></translation>
    </message>
    <message>
        <source>Usage: yubisashi sign-in ACCOUNT [--no-browser] [--device-code] [--config FILE]</source>
        <translation></translation>
    </message>
    <message>
        <source>The settings file %1 does not exist.</source>
        <translation></translation>
    </message>
    <message>
        <source>There is no account &quot;%1&quot; in %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; does not sign in with Microsoft or Google (auth is not xoauth2).</source>
        <translation></translation>
    </message>
    <message>
        <source>Your browser opens to sign in. If it does not, open this address:</source>
        <translation></translation>
    </message>
    <message>
        <source>Open this address in a browser on this computer to sign in:</source>
        <translation></translation>
    </message>
    <message>
        <source>On any device, open %1 and enter the code %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Another Yubisashi is running but does not answer. If it hangs, end it and start Yubisashi again.</source>
        <translation></translation>
    </message>
    <message>
        <source>Yubisashi cannot make sure it runs only once (%1).</source>
        <translation></translation>
    </message>
    <message>
        <source>Yubisashi cannot make sure it runs only once: there is no private folder for it. Set XDG_RUNTIME_DIR to a folder that only you can use.</source>
        <translation></translation>
    </message>
    <message>
        <source>Yubisashi cannot make sure it runs only once: the path of its private folder is too long (%1). Set XDG_RUNTIME_DIR to a shorter folder that only you can use.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Smime::CertificateCheck</name>
    <message>
        <source>Your certificate expired on %1. Ask your administrator for a new certificate, then import it in Settings.</source>
        <translation></translation>
    </message>
    <message>
        <source>Your certificate is valid only from %1. Until then messages cannot be signed with it; check the computer&apos;s date or use your current certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>Your certificate is not meant for e-mail (it was issued for another purpose). Ask your administrator for an e-mail (S/MIME) certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>Your certificate may not be used to sign. Ask your administrator for an e-mail signing certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>Your certificate contains no e-mail address, so it cannot sign mail from %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Your certificate belongs to %1, but this message is sent from %2. Send from the address of the certificate, or import the certificate for %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>The certificate of %1 expired on %2. Ask %1 for a new one.</source>
        <translation></translation>
    </message>
    <message>
        <source>The certificate of %1 is valid only from %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>The certificate of %1 is not meant for e-mail.</source>
        <translation></translation>
    </message>
    <message>
        <source>The certificate of %1 may not be used for encryption.</source>
        <translation></translation>
    </message>
    <message>
        <source>The certificate does not contain the address %1.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Smime::CertificateExpiry</name>
    <message>
        <source>Expired: messages cannot be signed. Import your new certificate.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n day(s): ask for a new certificate and import it.</source>
        <translation>
            <numerusform>Expires in %n day: ask for a new certificate and import it.</numerusform>
            <numerusform>Expires in %n days: ask for a new certificate and import it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Smime::CertificateStore</name>
    <message>
        <source>The file %1 cannot be opened: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The password is not correct for this certificate file.</source>
        <translation></translation>
    </message>
    <message>
        <source>This file does not contain a certificate (expected .cer, .pem, .der, .p7c or .p12).</source>
        <translation></translation>
    </message>
    <message>
        <source>The file contains no e-mail certificate (only authority certificates or certificates without an e-mail address).</source>
        <translation></translation>
    </message>
    <message>
        <source>The certificate could not be saved in %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>No such certificate in the store.</source>
        <translation></translation>
    </message>
    <message>
        <source>The certificate could not be removed: %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Smime::EncryptionPolicy</name>
    <message>
        <source>Encryption is turned off for this account.</source>
        <translation></translation>
    </message>
    <message>
        <source>Not encrypted: no certificate is known for %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The message is already encrypted by the mail program.</source>
        <translation></translation>
    </message>
    <message>
        <source>Not encrypted: it has Bcc recipients (%1), and encryption would show every recipient&apos;s certificate to all.</source>
        <translation></translation>
    </message>
    <message>
        <source>It has Bcc recipients (%1). Encrypted messages cannot have Bcc recipients here: the encryption would show every recipient&apos;s certificate to all. Send a separate message to the Bcc recipients.</source>
        <translation></translation>
    </message>
    <message>
        <source>No valid certificate is known for %1. Import their certificates (ask them for a signed message or a .cer file), or remove them from the recipients.</source>
        <translation></translation>
    </message>
    <message>
        <source>This message must be encrypted because it goes to %1.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Smime::Encryptor</name>
    <message>
        <source>The message cannot be encrypted: there are no recipients&apos; certificates.</source>
        <translation></translation>
    </message>
    <message>
        <source>The message could not be encrypted (%1).</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Smime::Identity</name>
    <message>
        <source>This file holds only a certificate (PEM), without the private key. Import the .p12 or .pfx file you received with your certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>This file is not a certificate file in PKCS#12 format (.p12 or .pfx).</source>
        <translation></translation>
    </message>
    <message>
        <source>This certificate file uses an old protection method that cannot be read on this computer. Ask your administrator for a file exported with AES encryption.</source>
        <translation></translation>
    </message>
    <message>
        <source>The password is not correct for this certificate file. Check the password you received with the file (it is case-sensitive).</source>
        <translation></translation>
    </message>
    <message>
        <source>The certificate file could not be read; it may be damaged. Ask for a new copy.</source>
        <translation></translation>
    </message>
    <message>
        <source>The certificate file could not be read: the password may be wrong, or the file may be damaged.</source>
        <translation></translation>
    </message>
    <message>
        <source>This file contains no private key, so it cannot be used to sign. Import the .p12 or .pfx file that includes your private key.</source>
        <translation></translation>
    </message>
    <message>
        <source>The private key in this file does not belong to its certificate. Ask your administrator for a correct file.</source>
        <translation></translation>
    </message>
    <message>
        <source>This file contains no certificate for its private key.</source>
        <translation></translation>
    </message>
    <message>
        <source>The file does not contain the certificates of the authority that issued yours. Some recipients may not be able to check your signature; ask your administrator for a file with the full certificate chain.</source>
        <translation></translation>
    </message>
    <message>
        <source>The certificate file %1 cannot be opened: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The certificate could not be saved in %1: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Smime::MimeCanonicalizer</name>
    <message>
        <source>The message is nested too deeply to be signed safely.</source>
        <translation></translation>
    </message>
    <message>
        <source>The message structure is damaged (a multipart part without a boundary), so it cannot be signed safely.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Smime::Signer</name>
    <message>
        <source>No signing certificate is set up.</source>
        <translation></translation>
    </message>
    <message>
        <source>The message could not be signed (%1).</source>
        <translation></translation>
    </message>
    <message>
        <source>No signing certificate is set up for this account. Import your certificate (.p12 or .pfx) in Settings.</source>
        <translation></translation>
    </message>
    <message>
        <source>The message could not be signed (no free MIME boundary).</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Smime::SigningPolicy</name>
    <message>
        <source>Signing is turned off for this account.</source>
        <translation></translation>
    </message>
    <message>
        <source>All recipients are internal; signing is only for external mail.</source>
        <translation></translation>
    </message>
    <message>
        <source>The message is already signed or encrypted by the mail program.</source>
        <translation></translation>
    </message>
    <message>
        <source>This message must be signed, but no certificate is set up for this account. Import your certificate (.p12 or .pfx) in Settings, or ask your administrator.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Smtp::SmtpClient</name>
    <message>
        <source>Another message is being sent through this connection; this one will be tried again.</source>
        <translation></translation>
    </message>
    <message>
        <source>A message is being sent right now; try the connection test again in a moment.</source>
        <translation></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation></translation>
    </message>
    <message>
        <source>No mail server is set for this account. Enter the server name and port in Settings.</source>
        <translation></translation>
    </message>
    <message>
        <source>The certificate authority file %1 could not be read: %2. Check the CA file in Settings.</source>
        <translation></translation>
    </message>
    <message>
        <source>The certificate authority file %1 contains no PEM certificate. Check the CA file in Settings.</source>
        <translation></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: %1. If %2 is the right server, ask its administrator for the certificate authority and add it as CA file in Settings.</source>
        <translation></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be set up: %2. Check the server, port and security settings (STARTTLS usually uses port 587, TLS port 465).</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not connect to the mail server %1: %2. The message will be sent when the server can be reached.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>The mail server %1 did not answer within %n second(s). The message will be sent when the server can be reached.</source>
        <translation>
            <numerusform>The mail server %1 did not answer within %n second. The message will be sent when the server can be reached.</numerusform>
            <numerusform>The mail server %1 did not answer within %n seconds. The message will be sent when the server can be reached.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The mail server %1 stopped accepting the message for %n second(s). It was not sent; it will be tried again.</source>
        <translation>
            <numerusform>The mail server %1 stopped accepting the message for %n second. It was not sent; it will be tried again.</numerusform>
            <numerusform>The mail server %1 stopped accepting the message for %n seconds. It was not sent; it will be tried again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The message was sent to %1, but the server did not confirm it within %n second(s). It may or may not have been delivered.</source>
        <translation>
            <numerusform>The message was sent to %1, but the server did not confirm it within %n second. It may or may not have been delivered.</numerusform>
            <numerusform>The message was sent to %1, but the server did not confirm it within %n seconds. It may or may not have been delivered.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The mail server %1 did not answer (%2) within %n second(s). The message will be tried again.</source>
        <translation>
            <numerusform>The mail server %1 did not answer (%2) within %n second. The message will be tried again.</numerusform>
            <numerusform>The mail server %1 did not answer (%2) within %n seconds. The message will be tried again.</numerusform>
        </translation>
    </message>
    <message>
        <source>a reply line longer than %1 bytes</source>
        <translation></translation>
    </message>
    <message>
        <source>unexpected data after the STARTTLS reply</source>
        <translation></translation>
    </message>
    <message>
        <source>a line that is not an SMTP reply</source>
        <translation></translation>
    </message>
    <message>
        <source>a multi-line reply with changing codes</source>
        <translation></translation>
    </message>
    <message>
        <source>a reply with too many lines</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 stopped the message while it was being sent: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>a reply in the middle of the message</source>
        <translation></translation>
    </message>
    <message>
        <source>an unexpected reply</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 refuses connections from this computer: %2. Check the server in Settings or ask its administrator.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 is not accepting mail right now: %2. The message will be tried again.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 refused the greeting: %2. Check the server in Settings.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 does not offer STARTTLS, so the connection cannot be encrypted. Nothing was sent. Check the port and security settings (TLS usually uses port 465), or ask the server&apos;s administrator.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 refused to start encryption: %2. Nothing was sent.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 cannot start encryption right now: %2. Nothing was sent; the message will be tried again.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 does not accept the sign-in method %2 (it offers: %3). Choose another sign-in method in Settings.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 does not offer sign-in on this connection. Check the security setting, or set sign-in to &quot;none&quot; in Settings if the server does not need it.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 could not check the sign-in right now: %2. The message will be tried again.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 requires an encrypted connection for sign-in: %2. Choose STARTTLS or TLS in Settings.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 does not accept this sign-in method: %2. Choose another sign-in method in Settings.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 refused the sign-in token for %2: %3. Sign in to the account again in Settings.</source>
        <translation></translation>
    </message>
    <message>
        <source>(Server details: %1)</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 refused the user name or password for %2: %3. Check the user name and password in Settings.</source>
        <translation></translation>
    </message>
    <message>
        <source>Connected to %1 successfully.</source>
        <translation></translation>
    </message>
    <message>
        <source>Connected to %1 and signed in as %2 successfully.</source>
        <translation></translation>
    </message>
    <message>
        <source>The message has no recipients, so it was not sent.</source>
        <translation></translation>
    </message>
    <message>
        <source>The recipient address &quot;%1&quot; is not valid, so the message was not sent.</source>
        <translation></translation>
    </message>
    <message>
        <source>The sender address &quot;%1&quot; is not valid, so the message was not sent.</source>
        <translation></translation>
    </message>
    <message>
        <source>The message is %1 MB, but the mail server %2 accepts at most %3 MB. It was not sent; make it smaller (for example by sharing large attachments as a link).</source>
        <translation></translation>
    </message>
    <message>
        <source>The message contains 8-bit text, but the mail server %1 does not accept 8-bit messages (8BITMIME). It was not sent.</source>
        <translation></translation>
    </message>
    <message>
        <source>The message uses addresses with non-ASCII characters, but the mail server %1 does not support them (SMTPUTF8). It was not sent; use plain ASCII addresses.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 closed the connection: %2. The message will be tried again.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 requires sign-in or encryption before it accepts mail: %2. Check the security and sign-in settings.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 did not accept the sender right now: %2. The message will be tried again.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 refused the sender %2: %3</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 refused the recipient %2: %3. The message was not sent to anyone.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 did not accept the recipient %2 right now: %3. The message was not sent to anyone; it will be tried again.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 did not accept the message right now: %2. It will be tried again.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 refused the message: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Sent through %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The connection to %1 was lost after the message was sent, before the server confirmed it. It may or may not have been delivered.</source>
        <translation></translation>
    </message>
    <message>
        <source>The connection to the mail server %1 was lost (%2). The message was not sent; it will be tried again.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server %1 sent something unexpected (%2). The message will be tried again.</source>
        <translation></translation>
    </message>
    <message>
        <source>The connection to %1 is not encrypted (security=none) and the server is not on this computer, so signing in would send your sign-in token unencrypted over the network. Yubisashi did not sign in and sent nothing.</source>
        <translation></translation>
    </message>
    <message>
        <source>The connection to %1 is not encrypted (security=none) and the server is not on this computer, so signing in would send your password unencrypted over the network. Yubisashi did not sign in and sent nothing.</source>
        <translation></translation>
    </message>
    <message>
        <source>Set security=starttls or tls for the account, or allow_plaintext_auth=true if this network is trusted.</source>
        <translation></translation>
    </message>
    <message>
        <source>The connection to the mail server %1 could not be used again (%2). The message was not sent; it will be tried again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtp::SmtpServer</name>
    <message>
        <source>127.0.0.1 port %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>[::1] port %1: %2 (a mail program that connects to &quot;localhost&quot; may use [::1] rather than 127.0.0.1)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Spool::Entry</name>
    <message>
        <source>a list</source>
        <translation></translation>
    </message>
    <message>
        <source>an object</source>
        <translation></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation></translation>
    </message>
    <message>
        <source>the key &quot;%1&quot; is missing</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be %2, but it is %3</source>
        <translation></translation>
    </message>
    <message>
        <source>text</source>
        <translation></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation></translation>
    </message>
    <message>
        <source>a whole number of 0 or more</source>
        <translation></translation>
    </message>
    <message>
        <source>a time</source>
        <translation></translation>
    </message>
    <message>
        <source>a time in ISO 8601 format with a time zone, such as &quot;2025-04-01T09:30:00.000Z&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>a file-name safe id (letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;)</source>
        <translation></translation>
    </message>
    <message>
        <source>a list of one or more addresses</source>
        <translation></translation>
    </message>
    <message>
        <source>recipient number %1 in &quot;%2&quot; must be an address, but it is %3</source>
        <translation></translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation></translation>
    </message>
    <message>
        <source>a whole number from 0 to 1000000</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Spool::Queue</name>
    <message>
        <source>&quot;%1&quot; is not a spool message id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spool folder %1 is not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The permissions of the spool folder %1 could not be restricted to its owner: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spool folder %1 could not be created: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spool folder %1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spool folder %1 could not be flushed to disk: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be deleted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its envelope file could not be read (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its envelope file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its envelope file is not valid JSON (%1 at byte %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its envelope file does not hold a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its envelope file is damaged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 to %2, received %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file could not be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its permissions could not be set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flushing to disk failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closing the file failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>renaming the file failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message could not be saved in the spool folder %1: %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message could not be queued: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 is no longer in the spool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 could not be updated: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message %1 could not be read from the spool: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its envelope names the message &quot;%1&quot;, which does not match its file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message content (%1) is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message content is %1 bytes long, but its envelope says %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued message %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued message %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be loaded because %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its files were kept and moved to the folder %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These files could not be moved and were left in place: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yubisashi will not send or retry it. If it had not been sent yet, send it again from your mail program.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store::History</name>
    <message>
        <source>The recipient history could not be updated (%1).</source>
        <translation></translation>
    </message>
    <message>
        <source>The recipient history cannot be used: the SQLite driver of Qt is missing.</source>
        <translation></translation>
    </message>
    <message>
        <source>The recipient history %1 could not be opened (%2).</source>
        <translation></translation>
    </message>
    <message>
        <source>The recipient history %1 is in use by another program. Checks that need it are skipped until it is free.</source>
        <translation></translation>
    </message>
    <message>
        <source>The recipient history %1 is damaged or is not a Yubisashi history (%2). Move the file away to start a new history; checks that need it are skipped until then.</source>
        <translation></translation>
    </message>
    <message>
        <source>The recipient history %1 was written by a newer version of Yubisashi (schema %2; this version reads up to %3). Update Yubisashi.</source>
        <translation></translation>
    </message>
    <message>
        <source>The recipient history could not be created (%1).</source>
        <translation></translation>
    </message>
    <message>
        <source>The recipient history could not be upgraded (%1).</source>
        <translation></translation>
    </message>
    <message>
        <source>The recipient history could not be upgraded from schema %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The recipient history could not be read (%1).</source>
        <translation></translation>
    </message>
    <message>
        <source>The audit log could not be written (%1).</source>
        <translation></translation>
    </message>
    <message>
        <source>The recipient history is not open.</source>
        <translation></translation>
    </message>
    <message>
        <source>The audit log could not be read (%1).</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 could not be written (%2).</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Store::HistorySearch</name>
    <message>
        <source>%1 cannot be opened (%2).</source>
        <translation></translation>
    </message>
    <message>
        <source>the recipients could not be read (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>the audit log could not be read (%1)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Protection is back on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages are reviewed again before they leave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) wait for your review</source>
        <translation>
            <numerusform>%n message waits for your review</numerusform>
            <numerusform>%n messages wait for your review</numerusform>
        </translation>
    </message>
    <message>
        <source>Messages are sent without review until %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sending %n message(s)</source>
        <translation>
            <numerusform>Sending %n message</numerusform>
            <numerusform>Sending %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) wait to be retried</source>
        <translation>
            <numerusform>%n message waits to be retried</numerusform>
            <numerusform>%n messages wait to be retried</numerusform>
        </translation>
    </message>
    <message>
        <source>About Yubisashi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Yubisashi %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Checks every recipient before a message leaves, signs it and sends it on.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (LGPL-3.0), QtKeychain (BSD-2-Clause), GMime and GLib (LGPL-2.1 or later), ICU (Unicode licence), OpenSSL (Apache-2.0) and SQLite (public domain). Their notices are in THIRD-PARTY-NOTICES.md, installed with Yubisashi.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::AboutDialog</name>
    <message>
        <source>If something does not work, whoever helps you may ask for the log files or the diagnostics. The diagnostics never contain passwords.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log folder %1 is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log folder could not be opened. It is %1: open it in your file manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The diagnostics are copied. Paste them into a message to whoever helps you with Yubisashi.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::AccountForm</name>
    <message>
        <source>for example work</source>
        <translation></translation>
    </message>
    <message>
        <source>Another account already has the name &quot;%1&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation></translation>
    </message>
    <message>
        <source>The user name your mail program logs in to Yubisashi with.</source>
        <translation></translation>
    </message>
    <message>
        <source>Microsoft 365</source>
        <translation></translation>
    </message>
    <message>
        <source>Google (Gmail, Google Workspace)</source>
        <translation></translation>
    </message>
    <message>
        <source>Other mail server</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation></translation>
    </message>
    <message>
        <source>for example smtp.example.co.jp</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation></translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation></translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation></translation>
    </message>
    <message>
        <source>TLS from the start (usually port 465)</source>
        <translation></translation>
    </message>
    <message>
        <source>None: not encrypted (trusted networks only)</source>
        <translation></translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation></translation>
    </message>
    <message>
        <source>Password</source>
        <translation></translation>
    </message>
    <message>
        <source>Password (PLAIN)</source>
        <translation></translation>
    </message>
    <message>
        <source>Sign in with Microsoft or Google</source>
        <translation></translation>
    </message>
    <message>
        <source>No sign-in</source>
        <translation></translation>
    </message>
    <message>
        <source>Sign-in &amp;method:</source>
        <translation></translation>
    </message>
    <message>
        <source>usually your e-mail address</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation></translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation></translation>
    </message>
    <message>
        <source>Sign-in:</source>
        <translation></translation>
    </message>
    <message>
        <source>optional: addresses this account sends as, separated by commas</source>
        <translation></translation>
    </message>
    <message>
        <source>Sends &amp;as:</source>
        <translation></translation>
    </message>
    <message>
        <source>Only messages to people outside the organisation</source>
        <translation></translation>
    </message>
    <message>
        <source>Every message</source>
        <translation></translation>
    </message>
    <message>
        <source>Never</source>
        <translation></translation>
    </message>
    <message>
        <source>S/MIME si&amp;gnature:</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation></translation>
    </message>
    <message>
        <source>Opens the sign-in page of Microsoft or Google in your browser.</source>
        <translation></translation>
    </message>
    <message>
        <source>The name cannot be changed: it is the user name your mail program logs in with. Add a new account instead.</source>
        <translation></translation>
    </message>
    <message>
        <source>saved; type a new one to change it</source>
        <translation></translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation></translation>
    </message>
    <message>
        <source>Correct the marked fields first: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation></translation>
    </message>
    <message>
        <source>Sign in once the account is saved: in Settings, Accounts.</source>
        <translation></translation>
    </message>
    <message>
        <source>Once the account is saved, sign in from Settings, Accounts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::AdminWindow</name>
    <message>
        <source>Internal domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domains of one organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caution domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risky file extensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Many external addresses from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Many external domains from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move many external addresses to Bcc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landline numbers counted from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow Pause protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow reviews answered by a script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail program wait (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Countdown after Send (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First retry after (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest wait between retries (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up after (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server answer timeout (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep sent messages (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test mode folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in application (client) ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft 365 tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission server port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow sign-in without encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra certificate authority (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in client secret (Google desktop apps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in authorization address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in token address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in device-code address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S/MIME certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When to sign (S/MIME)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When to encrypt (S/MIME)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domains that require encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port for mail programs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail programs must log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most connections at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest message (bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most recipients per message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yubisashi policy for administrators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review and timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail programs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which domains are your organisation&apos;s, which belong together, and which need care.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words and file types the checks look for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each check does with what it finds: off, show, confirm (an extra tick before Send) or block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the review window is shown, and how long mail waits and is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These apply to every account, whatever each person named it ([accounts]).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where certificates come from and when mail is signed or encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local mail server the mail programs send to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language, start at login, and where data and secrets are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a tier for each setting you want to manage. Locked: every person gets the value and cannot change it. Recommended: a default each person may change. Not set: each person&apos;s own setting applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as &amp;INI…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export .&amp;reg…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export .&amp;mobileconfig…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some values cannot be used; their pages are marked: %1. Correct them, or set them to &quot;Not set&quot;, before saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) set.</source>
        <translation>
            <numerusform>%n setting set.</numerusform>
            <numerusform>%n settings set.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was saved: some values cannot be used. Correct them first:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the policy as an INI file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy files (*.ini)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the policy for the Windows registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry files (*.reg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the policy as a macOS configuration profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration profiles (*.mobileconfig)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1. On Linux, copy it to /etc/xdg/Yubisashi/policy.ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1. Import it on Windows with regedit or reg import as an administrator, or deploy the same values with Group Policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1. Install it on macOS with your device management (MDM) or in System Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a policy file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy files (*.ini *.reg);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) for accounts by name are not shown here; they are kept and saved again as they are.</source>
        <translation>
            <numerusform>%n setting for accounts by name are not shown here; they are kept and saved again as they are.</numerusform>
            <numerusform>%n settings for accounts by name are not shown here; they are kept and saved again as they are.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 - Yubisashi policy for administrators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections kept open per account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::DialogDecisionProvider</name>
    <message>
        <source>The mail client stopped waiting; the message waits here until you decide.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Ui::FindingBadgeDelegate</name>
    <message numerus="yes">
        <source>%1 +%n</source>
        <translation>
            <numerusform>%1 +%n</numerusform>
            <numerusform>%1 +%n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n findings</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ui::FirstRunWizard</name>
    <message>
        <source>Set up Yubisashi</source>
        <translation></translation>
    </message>
    <message>
        <source>Welcome to Yubisashi</source>
        <translation></translation>
    </message>
    <message>
        <source>Yubisashi checks every message before it leaves: who receives it, which files go with it, and whether something looks like a mistake. You tick each recipient and each file, and only then is the message sent.</source>
        <translation></translation>
    </message>
    <message>
        <source>Your mail program sends through Yubisashi on this computer, and Yubisashi sends on through your mail server. The next pages set this up; it takes a few minutes, and everything can be changed later in Settings.</source>
        <translation></translation>
    </message>
    <message>
        <source>How do you want to start?</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Send through my mail server (Microsoft 365, Google or another)</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Try it first (test mode)</source>
        <translation></translation>
    </message>
    <message>
        <source>In test mode every message is checked as usual, but instead of being sent it is saved as a file. Nothing leaves this computer. Add an account in Settings when you are ready.</source>
        <translation></translation>
    </message>
    <message>
        <source>Your mail server</source>
        <translation></translation>
    </message>
    <message>
        <source>Choose your provider; for another server, ask your administrator for its name and port.</source>
        <translation></translation>
    </message>
    <message>
        <source>Your organisation&apos;s domains</source>
        <translation></translation>
    </message>
    <message>
        <source>Mail to these domains counts as internal; every other domain is outside and gets a closer look.</source>
        <translation></translation>
    </message>
    <message>
        <source>example.co.jp or *.example.co.jp</source>
        <translation></translation>
    </message>
    <message>
        <source>Type a domain and press Enter. *.example.co.jp also covers osaka.example.co.jp. You can leave this empty and add domains later.</source>
        <translation></translation>
    </message>
    <message>
        <source>Your certificate (optional)</source>
        <translation></translation>
    </message>
    <message>
        <source>With an S/MIME certificate, Yubisashi signs your messages so recipients can tell they come from you. It is usually a .p12 or .pfx file with a password, from your organisation.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Import certificate…</source>
        <translation></translation>
    </message>
    <message>
        <source>No certificate yet? Click Next; you can add it later in Settings, Certificates.</source>
        <translation></translation>
    </message>
    <message>
        <source>Set up your mail program</source>
        <translation></translation>
    </message>
    <message>
        <source>The settings were saved, but a password could not be stored in %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Import it after this wizard, in Settings, Certificates.</source>
        <translation></translation>
    </message>
    <message>
        <source>Before you can sign in with Microsoft 365 or Google, your administrator must register Yubisashi with them once (docs/OAUTH.md). Until then, go Back and choose &quot;Try it first&quot;, or choose &quot;Other mail server&quot; if your server accepts a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate &amp;password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is imported when you click Finish. No password at hand? Leave it empty and click Next; you can import it later in Settings, Certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation has provided your certificate:
%1
Type the password that came with it and click Open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings were saved, but your certificate could not be imported: %1. Import it in Settings, Certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a test message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings are saved and Yubisashi now receives mail. Send a message to yourself from your mail program: Yubisashi says which program it came from, so you know the setup works. The message is checked with you as any other. You can skip this and Finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and test</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::HistoryWindow</name>
    <message>
        <source>Export audit log</source>
        <translation></translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancelled at review</source>
        <translation></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation></translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation></translation>
    </message>
    <message>
        <source>Yubisashi — History</source>
        <translation></translation>
    </message>
    <message>
        <source>Search by address, name, domain or subject</source>
        <translation></translation>
    </message>
    <message>
        <source>Search</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation></translation>
    </message>
    <message>
        <source>Address</source>
        <translation></translation>
    </message>
    <message>
        <source>Name</source>
        <translation></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation></translation>
    </message>
    <message>
        <source>First sent</source>
        <translation></translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation></translation>
    </message>
    <message>
        <source>Time</source>
        <translation></translation>
    </message>
    <message>
        <source>From</source>
        <translation></translation>
    </message>
    <message>
        <source>To</source>
        <translation></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation></translation>
    </message>
    <message>
        <source>Signed</source>
        <translation></translation>
    </message>
    <message>
        <source>Server reply</source>
        <translation></translation>
    </message>
    <message>
        <source>Recipients you have written to</source>
        <translation></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Recipients</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Audit log</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Export audit log as CSV…</source>
        <translation></translation>
    </message>
    <message>
        <source>Save the whole audit log as a file for a spreadsheet program.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation></translation>
    </message>
    <message>
        <source>The recipient history is not available.</source>
        <translation></translation>
    </message>
    <message>
        <source>The recipient history cannot be read: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Showing the first %1 matches. Type more of the name or address to narrow the search.</source>
        <translation></translation>
    </message>
    <message>
        <source>No messages have been sent through Yubisashi yet.</source>
        <translation></translation>
    </message>
    <message>
        <source>No recipient matches “%1”.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s)</source>
        <translation>
            <numerusform>%n recipient</numerusform>
            <numerusform>%n recipients</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log is not available.</source>
        <translation></translation>
    </message>
    <message>
        <source>The audit log cannot be read: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation></translation>
    </message>
    <message>
        <source>No</source>
        <translation></translation>
    </message>
    <message>
        <source>Showing the newest %1 matches. Type more to narrow the search, or export the whole log.</source>
        <translation></translation>
    </message>
    <message>
        <source>The audit log is empty.</source>
        <translation></translation>
    </message>
    <message>
        <source>No record matches “%1”.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log could not be exported: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The audit log was saved as %1.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Ui::ListEditor</name>
    <message>
        <source>&amp;Add</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Ui::MailProgramsPage</name>
    <message>
        <source>Set your mail program to send its mail to Yubisashi. Yubisashi checks each message with you and then sends it on through your mail server. Use these settings for the outgoing server (SMTP):</source>
        <translation></translation>
    </message>
    <message>
        <source>Outgoing server</source>
        <translation></translation>
    </message>
    <message>
        <source>Server name:</source>
        <translation></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation></translation>
    </message>
    <message>
        <source>Connection security:</source>
        <translation></translation>
    </message>
    <message>
        <source>None (the connection never leaves this computer)</source>
        <translation></translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation></translation>
    </message>
    <message>
        <source>Normal password</source>
        <translation></translation>
    </message>
    <message>
        <source>Thunderbird</source>
        <translation></translation>
    </message>
    <message>
        <source>Outlook</source>
        <translation></translation>
    </message>
    <message>
        <source>Apple Mail</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Account &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>User name</source>
        <translation></translation>
    </message>
    <message>
        <source>Password</source>
        <translation></translation>
    </message>
    <message>
        <source>User name:</source>
        <translation></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation></translation>
    </message>
    <message>
        <source>Generate new password</source>
        <translation></translation>
    </message>
    <message>
        <source>Makes a new password. Your mail program then needs the new one.</source>
        <translation></translation>
    </message>
    <message>
        <source>&lt;li&gt;Open &lt;b&gt;Account Settings&lt;/b&gt; and choose &lt;b&gt;Outgoing Server (SMTP)&lt;/b&gt; at the bottom of the list.&lt;/li&gt;&lt;li&gt;Click &lt;b&gt;Add…&lt;/b&gt;. Server Name: &lt;b&gt;%1&lt;/b&gt;, Port: &lt;b&gt;%2&lt;/b&gt;, Connection security: &lt;b&gt;None&lt;/b&gt;, Authentication method: &lt;b&gt;Normal password&lt;/b&gt;, User Name: your account&apos;s user name above.&lt;/li&gt;&lt;li&gt;Select your mail account, and under &lt;b&gt;Outgoing Server (SMTP)&lt;/b&gt; choose the server you just added.&lt;/li&gt;&lt;li&gt;Send a message. When Thunderbird asks for the password, paste the password above and let it remember it.&lt;/li&gt;</source>
        <translation></translation>
    </message>
    <message>
        <source>&lt;li&gt;Choose &lt;b&gt;File › Account Settings › Account Settings…&lt;/b&gt;, select your account and click &lt;b&gt;Change…&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Outgoing mail server (SMTP): &lt;b&gt;%1&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Click &lt;b&gt;More Settings…&lt;/b&gt;. On &lt;b&gt;Outgoing Server&lt;/b&gt;, tick &lt;b&gt;My outgoing server (SMTP) requires authentication&lt;/b&gt;, choose &lt;b&gt;Log on using&lt;/b&gt; and enter the user name and password above.&lt;/li&gt;&lt;li&gt;On &lt;b&gt;Advanced&lt;/b&gt;, set Outgoing server (SMTP) to &lt;b&gt;%2&lt;/b&gt; and the encrypted connection to &lt;b&gt;None&lt;/b&gt;. Click OK, then Next.&lt;/li&gt;</source>
        <translation></translation>
    </message>
    <message>
        <source>The new Outlook, and Outlook with a Microsoft 365 (Exchange) account, cannot use another outgoing server. Use classic Outlook with an IMAP account, or another mail program.</source>
        <translation></translation>
    </message>
    <message>
        <source>&lt;li&gt;Choose &lt;b&gt;Mail › Settings › Accounts&lt;/b&gt;, select your account and open &lt;b&gt;Server Settings&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Under &lt;b&gt;Outgoing Mail Server (SMTP)&lt;/b&gt;, choose &lt;b&gt;Edit SMTP Server List…&lt;/b&gt; and add a server with the name &lt;b&gt;%1&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Turn off &lt;b&gt;Automatically manage connection settings&lt;/b&gt;. Port: &lt;b&gt;%2&lt;/b&gt;, &lt;b&gt;Use TLS/SSL&lt;/b&gt; off, Authentication: &lt;b&gt;Password&lt;/b&gt;, with the user name and password above.&lt;/li&gt;&lt;li&gt;Click OK and Save.&lt;/li&gt;</source>
        <translation></translation>
    </message>
    <message>
        <source>Server name</source>
        <translation></translation>
    </message>
    <message>
        <source>Port</source>
        <translation></translation>
    </message>
    <message>
        <source>Set up Thunderbird…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the outgoing server into your Thunderbird profile (user.js). Thunderbird uses it after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a test message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thunderbird&apos;s profile %1 now has the outgoing server &quot;Yubisashi (%2)&quot; as its default. Quit Thunderbird and start it again. The first time it sends, it asks for the password once: paste the password above and tick &quot;Use Password Manager to remember this password&quot;. An account that is set to another outgoing server keeps it: choose Yubisashi in its Account Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up Thunderbird</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Thunderbird profile was found (looked in %1). Start Thunderbird once, or enter the settings by hand as the steps above say.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (default) — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thunderbird has several profiles. Which one do you use?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::MainWindow</name>
    <message>
        <source>Yubisashi</source>
        <translation></translation>
    </message>
    <message>
        <source>Waiting for your review:</source>
        <translation></translation>
    </message>
    <message>
        <source>On its way:</source>
        <translation></translation>
    </message>
    <message>
        <source>Needs your attention:</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Queue…</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation></translation>
    </message>
    <message>
        <source>Q&amp;uit</source>
        <translation></translation>
    </message>
    <message>
        <source>Stop Yubisashi. Your mail program cannot send mail until it runs again.</source>
        <translation></translation>
    </message>
    <message>
        <source>Closing this window keeps Yubisashi running.</source>
        <translation></translation>
    </message>
    <message>
        <source>Protecting your outgoing mail</source>
        <translation></translation>
    </message>
    <message>
        <source>A message waits for your review</source>
        <translation></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation></translation>
    </message>
    <message>
        <source>A problem needs your attention</source>
        <translation></translation>
    </message>
    <message>
        <source>Protection is paused</source>
        <translation></translation>
    </message>
    <message>
        <source>Yubisashi — %1</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Resume protection</source>
        <translation></translation>
    </message>
    <message>
        <source>Protection is paused until %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Protection is paused.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Pause protection…</source>
        <translation></translation>
    </message>
    <message>
        <source>While paused, messages are sent without review.</source>
        <translation></translation>
    </message>
    <message>
        <source>Your administrator does not allow pausing protection: every message is checked before it leaves.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Ui::PauseDialog</name>
    <message>
        <source>Pause protection</source>
        <translation></translation>
    </message>
    <message>
        <source>While protection is paused, messages are sent &lt;b&gt;without review&lt;/b&gt;: recipients are not checked and no warning is shown. Protection comes back on by itself.</source>
        <translation></translation>
    </message>
    <message>
        <source>For &amp;15 minutes (until %1)</source>
        <translation></translation>
    </message>
    <message>
        <source>For one &amp;hour (until %1)</source>
        <translation></translation>
    </message>
    <message>
        <source>Until &amp;tomorrow (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Ui::QueueModel</name>
    <message>
        <source>All</source>
        <translation></translation>
    </message>
    <message>
        <source>Needs your attention</source>
        <translation></translation>
    </message>
    <message>
        <source>On its way</source>
        <translation></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation></translation>
    </message>
    <message>
        <source>Being checked</source>
        <translation></translation>
    </message>
    <message>
        <source>Waiting for your review</source>
        <translation></translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation></translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation></translation>
    </message>
    <message>
        <source>Held, not sent</source>
        <translation></translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation></translation>
    </message>
    <message>
        <source>Next attempt at %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Next attempt at %1. Last attempt: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Last attempt: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancelled at review.</source>
        <translation></translation>
    </message>
    <message>
        <source>The mail server did not accept the message.</source>
        <translation></translation>
    </message>
    <message>
        <source>Attempt %1</source>
        <translation></translation>
    </message>
    <message>
        <source>(no recipients)</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>(no sender)</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Received</source>
        <translation></translation>
    </message>
    <message>
        <source>From</source>
        <translation></translation>
    </message>
    <message>
        <source>To</source>
        <translation></translation>
    </message>
    <message>
        <source>Size</source>
        <translation></translation>
    </message>
    <message>
        <source>State</source>
        <translation></translation>
    </message>
    <message>
        <source>Details</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Ui::QueueWindow</name>
    <message>
        <source>Export message</source>
        <translation></translation>
    </message>
    <message>
        <source>E-mail message (*.eml)</source>
        <translation></translation>
    </message>
    <message>
        <source>Yubisashi — Queue</source>
        <translation></translation>
    </message>
    <message>
        <source>Queued messages</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation></translation>
    </message>
    <message>
        <source>Try to send this message now instead of waiting for the next attempt.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Send anyway…</source>
        <translation></translation>
    </message>
    <message>
        <source>Opens the review again; nothing is sent until you confirm it there.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Export as .eml…</source>
        <translation></translation>
    </message>
    <message>
        <source>Save a copy of the message as a file your mail program can open.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation></translation>
    </message>
    <message>
        <source>Remove the message from the queue for good; it is not sent.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n other recipient(s)</source>
        <translation>
            <numerusform>%n other recipient</numerusform>
            <numerusform>%n other recipients</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no messages in this list.</source>
        <translation></translation>
    </message>
    <message>
        <source>Select a message to see its details.</source>
        <translation></translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>(no sender)</source>
        <translation></translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Received: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Attempts so far: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot retry</source>
        <translation></translation>
    </message>
    <message>
        <source>This message is no longer waiting for its next attempt. It may be on its way already.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot send</source>
        <translation></translation>
    </message>
    <message>
        <source>This message can no longer be sent from here. It may have been deleted or sent already.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation></translation>
    </message>
    <message>
        <source>The queued copy of the message cannot be read: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 could not be written: %2. Choose another folder.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation></translation>
    </message>
    <message>
        <source>This message is being handed to the mail server right now. Try again in a moment.</source>
        <translation></translation>
    </message>
    <message>
        <source>Delete message?</source>
        <translation></translation>
    </message>
    <message>
        <source>Delete the sent message to %1 from the queue folder?</source>
        <translation></translation>
    </message>
    <message>
        <source>Delete the message to %1? It will not be sent, and it cannot be restored.</source>
        <translation></translation>
    </message>
    <message>
        <source>Export it as .eml first if you may need it later.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation></translation>
    </message>
    <message>
        <source>The message could not be deleted. It may be being sent right now; try again in a moment.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Ui::RecipientModel</name>
    <message>
        <source>To</source>
        <translation></translation>
    </message>
    <message>
        <source>Cc</source>
        <translation></translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation></translation>
    </message>
    <message>
        <source>Internal: %1 (%2)</source>
        <translation></translation>
    </message>
    <message>
        <source>External: %1 (%2)</source>
        <translation></translation>
    </message>
    <message>
        <source>Recipients inside your organisation</source>
        <translation></translation>
    </message>
    <message>
        <source>Recipients outside your organisation: check each one</source>
        <translation></translation>
    </message>
    <message>
        <source>Name</source>
        <translation></translation>
    </message>
    <message>
        <source>Field</source>
        <translation></translation>
    </message>
    <message>
        <source>Address</source>
        <translation></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation></translation>
    </message>
    <message>
        <source>Moved from %1 to Bcc: the other recipients will not see this address.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <extracomment>The field a recipient had, and Bcc, where it goes: &quot;To → Bcc&quot;</extracomment>
        <translation></translation>
    </message>
    <message>
        <source>Moved to Bcc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved to Bcc: the other recipients will not see this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External: %1 (%2), looks like %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not %2: the highlighted letters differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients outside your organisation. Ticking the domain ticks only the recipients without a warning; tick each flagged one on its own row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick to confirm: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External</source>
        <comment>recipient row marker</comment>
        <extracomment>A short marker on the row of a recipient outside the organisation (Japanese: 社外)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Internal: %1 — %n people inside your organisation</source>
        <extracomment>A summary row for an internal domain in a large message; %1 is the domain</extracomment>
        <translation>
            <numerusform>Internal: %1 — %n person inside your organisation</numerusform>
            <numerusform>Internal: %1 — %n people inside your organisation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) inside your organisation. Ticking this row ticks them all; press the right arrow key or click the arrow to see them.</source>
        <translation>
            <numerusform>%n recipient inside your organisation. Ticking this row ticks them all; press the right arrow key or click the arrow to see them.</numerusform>
            <numerusform>%n recipients inside your organisation. Ticking this row ticks them all; press the right arrow key or click the arrow to see them.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (outside your organisation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced by you: the message goes to %1 instead of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>was: %1</source>
        <extracomment>The old recipient of a row replaced at the review: &quot;was: 田中 健二 &lt;kenji@…&gt;&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probably meant: %1</source>
        <extracomment>Who was probably meant instead of this row&apos;s recipient</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <comment>replacement</comment>
        <extracomment>The button on a row that replaces its recipient by who was probably meant, or undoes that</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace</source>
        <comment>recipient</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced: was %1. Press Ctrl+R to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probably meant: %1. Press Ctrl+R to replace the address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::ReviewDialog</name>
    <message>
        <source>Review before sending</source>
        <translation></translation>
    </message>
    <message>
        <source>Review before sending: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation></translation>
    </message>
    <message>
        <source>From:</source>
        <translation></translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation></translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation></translation>
    </message>
    <message>
        <source>Message:</source>
        <translation></translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation></translation>
    </message>
    <message>
        <source>The message will be signed with your certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>Why:</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Recipients (%1):</source>
        <translation></translation>
    </message>
    <message>
        <source>Check all &amp;internal</source>
        <translation></translation>
    </message>
    <message>
        <source>Ticks every recipient inside your organisation. External recipients must be ticked one by one.</source>
        <translation></translation>
    </message>
    <message>
        <source>Named in the message but will not receive it: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>No attachments.</source>
        <translation></translation>
    </message>
    <message>
        <source>A&amp;ttachments (%1):</source>
        <translation></translation>
    </message>
    <message>
        <source>Name</source>
        <translation></translation>
    </message>
    <message>
        <source>Size</source>
        <translation></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 (inline)</source>
        <translation></translation>
    </message>
    <message>
        <source>Please check</source>
        <translation></translation>
    </message>
    <message>
        <source>Why is this message not sent?</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Back to review</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation></translation>
    </message>
    <message>
        <source>Everything is ticked.</source>
        <translation></translation>
    </message>
    <message>
        <source>Recipients ticked: %1 of %2</source>
        <translation></translation>
    </message>
    <message>
        <source>attachments: %1 of %2</source>
        <translation></translation>
    </message>
    <message>
        <source>confirmations: %1 of %2</source>
        <translation></translation>
    </message>
    <message>
        <source>, </source>
        <translation></translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation></translation>
    </message>
    <message>
        <source>Message %1 of %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancelled at review</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>The %n external address(es) in To and Cc will be sent as Bcc, as your organisation requires: the recipients will not see each other.</source>
        <translation>
            <numerusform>The %n external address in To and Cc will be sent as Bcc, as your organisation requires: the recipients will not see each other.</numerusform>
            <numerusform>The %n external addresses in To and Cc will be sent as Bcc, as your organisation requires: the recipients will not see each other.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everyone still receives the message, but no recipient sees the other external addresses. Your own organisation&apos;s addresses stay visible.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Recipients (%1, %2 external):</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n external address(es) in To and Cc can be seen by every recipient.</source>
        <translation>
            <numerusform>%n external address in To and Cc can be seen by every recipient.</numerusform>
            <numerusform>%n external addresses in To and Cc can be seen by every recipient.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mo&amp;ve to Bcc (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every recipient sees all the addresses in To and Cc.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have checked:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reaso&amp;n (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel &amp;sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The %n external address(es) from To and Cc will be sent as Bcc: the recipients will not see each other&apos;s addresses.</source>
        <translation>
            <numerusform>The %n external address from To and Cc will be sent as Bcc: the recipients will not see each other&apos;s addresses.</numerusform>
            <numerusform>The %n external addresses from To and Cc will be sent as Bcc: the recipients will not see each other&apos;s addresses.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n recipient(s) are inside your organisation.</source>
        <translation>
            <numerusform>The %n recipient is inside your organisation.</numerusform>
            <numerusform>All %n recipients are inside your organisation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outside recipient(s) (%1)</source>
        <extracomment>&quot;3 outside recipients (2 domains)&quot;; %1 is &quot;2 domains&quot;</extracomment>
        <translation>
            <numerusform>%n outside recipient (%1)</numerusform>
            <numerusform>%n outside recipients (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n domain(s)</source>
        <translation>
            <numerusform>%n domain</numerusform>
            <numerusform>%n domains</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>Joins the parts of the summary line: &quot;3 outside recipients (2 domains) · 1 needs attention&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>%n needs attention</numerusform>
            <numerusform>%n need attention</numerusform>
        </translation>
    </message>
    <message>
        <source>The mail program withdrew this message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Nothing was sent. If the message is still needed, look in the mail program&apos;s outbox and send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sending in %n s. Undo or Esc goes back.</source>
        <translation>
            <numerusform>Sending in %n s. Undo or Esc goes back.</numerusform>
            <numerusform>Sending in %n s. Undo or Esc goes back.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Outside recipients only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hides the recipients inside your organisation. Flagged ones stay in view, and hidden ones keep their ticks: Send still needs every recipient ticked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n hidden internal recipient(s) not ticked yet</source>
        <translation>
            <numerusform>%n hidden internal recipient not ticked yet</numerusform>
            <numerusform>%n hidden internal recipients not ticked yet</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace with the suggested address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the replacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace with %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::SettingRow</name>
    <message>
        <source>Set by your administrator</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Ui::SettingsDialog</name>
    <message>
        <source>Yubisashi Settings</source>
        <translation></translation>
    </message>
    <message>
        <source>Some settings in the file could not be used; their defaults apply:</source>
        <translation></translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation></translation>
    </message>
    <message>
        <source>Mail programs</source>
        <translation></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation></translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation></translation>
    </message>
    <message>
        <source>Timing</source>
        <translation></translation>
    </message>
    <message>
        <source>Secrets store</source>
        <translation></translation>
    </message>
    <message>
        <source>Each account is a mail server Yubisashi sends through. With no account, Yubisashi runs in test mode: messages are checked and saved as files, and nothing is sent.</source>
        <translation></translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation></translation>
    </message>
    <message>
        <source>(new account)</source>
        <translation></translation>
    </message>
    <message>
        <source>Two accounts have the name &quot;%1&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>Account &quot;%1&quot;: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Port Yubisashi listens on:</source>
        <translation></translation>
    </message>
    <message>
        <source>Mail programs must log in (recommended)</source>
        <translation></translation>
    </message>
    <message>
        <source>Stops other programs on this computer from sending mail as you.</source>
        <translation></translation>
    </message>
    <message>
        <source>Log-in:</source>
        <translation></translation>
    </message>
    <message>
        <source>A changed port takes effect the next time Yubisashi starts; change it in your mail program too.</source>
        <translation></translation>
    </message>
    <message>
        <source>example.co.jp or *.example.co.jp</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Internal domains:</source>
        <translation></translation>
    </message>
    <message>
        <source>Your organisation&apos;s mail domains. Every other domain is outside. *.example.co.jp matches the subdomains of example.co.jp.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Caution domains:</source>
        <translation></translation>
    </message>
    <message>
        <source>Mail to these domains needs an extra tick before it is sent.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Blocked domains:</source>
        <translation></translation>
    </message>
    <message>
        <source>Mail to these domains is never sent.</source>
        <translation></translation>
    </message>
    <message>
        <source>a word or phrase</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Keywords:</source>
        <translation></translation>
    </message>
    <message>
        <source>A message that contains one of these words in the subject, the text or a file name needs an extra tick.</source>
        <translation></translation>
    </message>
    <message>
        <source>Off</source>
        <translation></translation>
    </message>
    <message>
        <source>Show</source>
        <translation></translation>
    </message>
    <message>
        <source>Ask to confirm</source>
        <translation></translation>
    </message>
    <message>
        <source>Block the message</source>
        <translation></translation>
    </message>
    <message>
        <source>Your S/MIME certificate signs your messages, so recipients can tell they come from you and were not changed. It usually comes as a .p12 or .pfx file with a password.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation></translation>
    </message>
    <message>
        <source>Importing certificates is not available yet.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: no certificate</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Add an account first; each account has its own certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>While you review, your mail program waits this long for the result. After that it is told the message is queued, and Yubisashi finishes sending on its own. Thunderbird gives up after 100 seconds, other mail programs often sooner, so values above 60 rarely help. 0: always answer at once.</source>
        <translation></translation>
    </message>
    <message>
        <source>After you press Send in the review window, wait this long, with an Undo button, before the message goes out. 0: send at once.</source>
        <translation></translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation></translation>
    </message>
    <message>
        <source>The new language is used the next time Yubisashi starts.</source>
        <translation></translation>
    </message>
    <message>
        <source>Passwords and sign-in tokens are never written to the settings file. They are kept here:</source>
        <translation></translation>
    </message>
    <message>
        <source>A &amp;file on this computer</source>
        <translation></translation>
    </message>
    <message>
        <source>Store:</source>
        <translation></translation>
    </message>
    <message>
        <source>Secrets fi&amp;le:</source>
        <translation></translation>
    </message>
    <message>
        <source>In use now: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>A change takes effect the next time Yubisashi starts. Passwords already saved are not moved: enter them again after the restart.</source>
        <translation></translation>
    </message>
    <message>
        <source>The settings were saved, but a password could not be stored in %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>General</source>
        <translation></translation>
    </message>
    <message>
        <source>Offer to move them to Bcc</source>
        <translation></translation>
    </message>
    <message>
        <source>Always move them to Bcc</source>
        <translation></translation>
    </message>
    <message>
        <source>Moving them to Bcc changes only who can see the addresses: everyone still receives the message. Your organisation&apos;s addresses stay visible.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Start Yubisashi when I log in</source>
        <translation></translation>
    </message>
    <message>
        <source>Start:</source>
        <translation></translation>
    </message>
    <message>
        <source>Your mail program sends through Yubisashi, so it has to be running whenever you send mail. This takes effect when you save.</source>
        <translation></translation>
    </message>
    <message>
        <source>Those addresses:</source>
        <translation></translation>
    </message>
    <message>
        <source>In the settings file: [checks] %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Some settings on this page are set by your administrator and cannot be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (on the %2 page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: needs correcting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;Show&quot; lists what a check finds in the review window, &quot;Ask to confirm&quot; also needs a tick beside it before the message can be sent, and &quot;Block the message&quot; stops the message from being sent; &quot;Off&quot; skips the check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail program &amp;waits:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Countdown after Send:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s &amp;password store, %1 (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The file store is less safe.&lt;/b&gt; Your passwords are written unencrypted to this file. Only your user account can read it, but anyone who can act as you, or who reads a backup or a copy of it, can read your passwords. Use it only when %1 cannot be used on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To save, correct this first on the %1 page: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from your &amp;organisation&apos;s folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your administrator keeps your certificate in %1; you only need its password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::TestMessagePanel</name>
    <message>
        <source>Test message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped waiting. Press &quot;Wait for a test message&quot; to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yubisashi is not receiving mail yet, so it cannot wait for a test message. It can once Yubisashi runs: open Settings › Mail programs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press &quot;Wait for a test message&quot;, then send a message to yourself from your mail program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received from %1 ✓ — your mail program is set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received a message ✓ — your mail program is set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received from a mail program that calls itself &quot;%1&quot; ✓ — your mail program is set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It logged in as &quot;%1&quot; and sent as &lt;%2&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yubisashi now handles the message as any other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your mail program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 connected as &quot;%2&quot; but its password was wrong: copy the password again, paste it into the mail program and send again. Still waiting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No message arrived in %n minute(s). Check the outgoing server settings and press &quot;Wait for a test message&quot; to try again.</source>
        <translation>
            <numerusform>No message arrived in %n minute. Check the outgoing server settings and press &quot;Wait for a test message&quot; to try again.</numerusform>
            <numerusform>No message arrived in %n minutes. Check the outgoing server settings and press &quot;Wait for a test message&quot; to try again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send a message to yourself from your mail program now. Waiting for it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for a test message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::TrayIcon</name>
    <message>
        <source>&amp;Queue…</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Pause protection</source>
        <translation></translation>
    </message>
    <message>
        <source>While paused, messages are sent without review.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;About Yubisashi</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation></translation>
    </message>
    <message>
        <source>Protecting your outgoing mail</source>
        <translation></translation>
    </message>
    <message>
        <source>A message waits for your review</source>
        <translation></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation></translation>
    </message>
    <message>
        <source>A problem needs your attention</source>
        <translation></translation>
    </message>
    <message>
        <source>Protection is paused</source>
        <translation></translation>
    </message>
    <message>
        <source>Yubisashi: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Your administrator does not allow pausing protection: every message is checked before it leaves.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Yubisashi checks every recipient before a message leaves, signs it and sends it on.</source>
        <translation></translation>
    </message>
    <message>
        <source>Use the settings file &lt;file&gt;.</source>
        <translation></translation>
    </message>
    <message>
        <source>Run without windows or tray icon (messages that need a review wait in the queue).</source>
        <translation></translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. See --help.</source>
        <translation></translation>
    </message>
    <message>
        <source>Yubisashi is already running; it was asked to show its window.</source>
        <translation></translation>
    </message>
    <message>
        <source>Yubisashi</source>
        <translation></translation>
    </message>
    <message>
        <source>Answer every review with &lt;script&gt;: wait, send, send:MS, send-bcc, cancel:REASON (for tests and unattended runs).</source>
        <translation></translation>
    </message>
    <message>
        <source>Yubisashi cannot start</source>
        <translation></translation>
    </message>
    <message>
        <source>Finish signing in in the browser window that opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: client-setup (print the mail-client settings), check FILE.eml (show the review; see check --help), import-history PATH... (learn recipients from sent mail), sign-in ACCOUNT (OAuth sign-in for Microsoft 365 or Google), admin --check FILE (validate an administrator&apos;s policy file).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
