#include "SettingsScreenshots.h"

#include "FirstRunWizard.h"
#include "ListEditor.h"
#include "SettingsDialog.h"
#include "settings/SecretStore.h"
#include "smtp/Authenticator.h"
#include "smtp/SmtpServer.h"
#include "smtp/TestMessageWatcher.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {

void writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(data);
}

} // namespace

void settingsScreenshots(const QString& language, void (*save)(QWidget*, const QString&))
{
    QTemporaryDir dir;
    const QString config = dir.filePath(u"yubisashi.ini"_s);
    const QString policy = dir.filePath(u"policy.ini"_s);
    writeFile(config, "[account.work]\npreset=microsoft365\nuser=taro.yamada@example.co.jp\n"
                      "from=taro.yamada@example.co.jp\n\n"
                      "[account.lab]\nhost=smtp.lab.example.co.jp\nport=465\nsecurity=tls\nuser=taro\n\n"
                      "[policy]\ninternal_domains=example.co.jp, *.example.co.jp\n"
                      "caution_domains=partner.example.com\n");
    // Locked keys, to show the lock, the line under the field and the page's banner.
    writeFile(policy,
              "[policy]\nblocked_domains=example-rival.co.jp\n\n[checks]\nsender-certificate=block\n\n"
              "[delivery]\ncountdown_seconds=5\n");
    const QByteArray previousPolicy = qgetenv("YUBISASHI_POLICY_FILE");
    qputenv("YUBISASHI_POLICY_FILE", policy.toLocal8Bit());
    Settings::FileSecretStore secrets(dir.filePath(u"secrets.ini"_s));
    QString error;
    secrets.write(u"work/local_password"_s, u"Ab3dEfGh7jKmNpQr5tUv"_s, &error);
    secrets.write(u"lab/local_password"_s, u"Zx8cVbNm2qWeRtYu4pAs"_s, &error);
    secrets.write(u"lab/password"_s, u"secret"_s, &error);

    {
        Ui::SettingsDialog dialog(config, &secrets);
        dialog.show();
        const QStringList names{u"accounts"_s,     u"mail-programs"_s, u"recipients"_s, u"checks"_s,
                                u"certificates"_s, u"timing"_s,        u"general"_s,    u"secrets"_s};
        for (int p = 0; p < Ui::SettingsDialog::PageCount; ++p) {
            dialog.showPage(Ui::SettingsDialog::Page(p));
            save(&dialog, u"settings-%1-%2"_s.arg(language, names.at(p)));
        }
        // The other account, with a password sign-in.
        dialog.showPage(Ui::SettingsDialog::AccountsPage);
        dialog.findChild<QListWidget*>(u"accountList"_s)->setCurrentRow(1);
        save(&dialog, u"settings-%1-accounts-lab"_s.arg(language));
        // A value that cannot be used: the reason under the field, Save disabled.
        auto* host = dialog.findChild<QLineEdit*>(u"host"_s);
        host->setText(u"smtp.lab.example.co.jp:465"_s);
        save(&dialog, u"settings-%1-accounts-invalid"_s.arg(language));
        // Seen from another page: the message names the page as a link, the page list marks it.
        dialog.showPage(Ui::SettingsDialog::TimingPage);
        save(&dialog, u"settings-%1-timing-locked-error"_s.arg(language));
        host->setText(u"smtp.lab.example.co.jp"_s);
        dialog.showPage(Ui::SettingsDialog::RecipientsPage);
        dialog.findChild<Ui::ListEditor*>(u"internal_domains"_s)
            ->lineEdit()
            ->setText(u"taro@example.co.jp"_s);
        save(&dialog, u"settings-%1-recipients-invalid"_s.arg(language));
        dialog.showPage(Ui::SettingsDialog::SecretsPage);
        dialog.findChild<QWidget*>(u"storeFile"_s)->setProperty("checked", true);
        save(&dialog, u"settings-%1-secrets-file"_s.arg(language));
        dialog.reject();
    }
    {
        const QString fresh = dir.filePath(u"fresh.ini"_s);
        Ui::FirstRunWizard wizard(fresh, &secrets);
        wizard.show();
        save(&wizard, u"wizard-%1-1-welcome"_s.arg(language));
        wizard.next();
        save(&wizard, u"wizard-%1-2-mode"_s.arg(language));
        wizard.next();
        wizard.findChild<QLineEdit*>(u"user"_s)->setText(u"taro.yamada@example.co.jp"_s);
        save(&wizard, u"wizard-%1-3-account"_s.arg(language));
        wizard.next();
        save(&wizard, u"wizard-%1-4-domains"_s.arg(language));
        wizard.next();
        save(&wizard, u"wizard-%1-5-certificate"_s.arg(language));
        wizard.next();
        save(&wizard, u"wizard-%1-6-mail-programs"_s.arg(language));
        wizard.reject();
    }
    {
        {
            // The administrator's certificate folder ([general] certificate_source)
            // with taro's PKCS#12 file from the test PKI: the certificate page
            // before and after the password, and the Settings page's button.
            const QString pki = dir.filePath(u"pki"_s);
            QProcess make;
            make.start(u"bash"_s, {QStringLiteral(YUBISASHI_SOURCE_DIR "/tests/tools/smime-pki.sh"), pki});
            make.waitForFinished(120000);
            const QString certs = dir.filePath(u"certs"_s);
            QDir().mkpath(certs);
            QFile::copy(pki + u"/taro-rsa-aes.p12"_s, certs + u"/taro@example.co.jp.p12"_s);
            writeFile(policy, "[general]\ncertificate_source=" + certs.toUtf8() + "/%email%.p12\n");
            {
                Ui::SettingsDialog dialog(config, &secrets);
                dialog.setSourceImporter([](QWidget*) {});
                dialog.show();
                dialog.showPage(Ui::SettingsDialog::CertificatesPage);
                save(&dialog, u"settings-%1-certificates-source"_s.arg(language));
                dialog.reject();
            }
            const QString fresh = dir.filePath(u"fresh-source.ini"_s);
            writeFile(fresh, "[general]\ndata_dir=" + dir.filePath(u"data"_s).toUtf8() + "\n");
            Ui::FirstRunWizard wizard(fresh, &secrets);
            wizard.show();
            wizard.next();
            wizard.next();
            wizard.findChild<QLineEdit*>(u"user"_s)->setText(u"taro@example.co.jp"_s);
            wizard.next();
            wizard.next();
            save(&wizard, u"wizard-%1-5-certificate-source"_s.arg(language));
            wizard.findChild<QLineEdit*>(u"certificatePassword"_s)->setText(u"test-pass"_s);
            wizard.findChild<QPushButton*>(u"openCertificateButton"_s)->click();
            save(&wizard, u"wizard-%1-5-certificate-source-opened"_s.arg(language));
            wizard.reject();
        }
        {
            // "Send a test message": waiting, then a message from Thunderbird
            // (the arrival is handed to the page as the watcher reports it).
            struct NoOne : Smtp::Authenticator
            {
                bool verify(const QString&, const QString&) const override { return false; }
            } nobody;
            Smtp::SmtpServer server(Smtp::SessionConfig(), &nobody);
            Smtp::TestMessageWatcher watcher(&server);
            Ui::FirstRunWizard wizard(dir.filePath(u"fresh-test.ini"_s), &secrets);
            wizard.setTestMessageStarter([&](QString* why) -> Smtp::TestMessageWatcher* {
                return server.listen(0, why) ? &watcher : nullptr;
            });
            wizard.show();
            wizard.next();
            wizard.next();
            wizard.findChild<QLineEdit*>(u"user"_s)->setText(u"taro.yamada@example.co.jp"_s);
            wizard.next();
            wizard.next();
            wizard.next();
            wizard.next(); // "Save and test"
            save(&wizard, u"wizard-%1-7-test-waiting"_s.arg(language));
            Smtp::TestMessageWatcher::Arrival arrival;
            arrival.program = Smtp::MailProgram::identify(
                u"[127.0.0.1]"_s,
                u"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 Thunderbird/115.6.0"_s,
                QString());
            arrival.user = u"work"_s;
            arrival.mailFrom = u"taro.yamada@example.co.jp"_s;
            watcher.stop();
            emit watcher.received(arrival);
            save(&wizard, u"wizard-%1-8-test-received"_s.arg(language));
            wizard.reject();
        }
    }
    if (previousPolicy.isNull())
        qunsetenv("YUBISASHI_POLICY_FILE");
    else
        qputenv("YUBISASHI_POLICY_FILE", previousPolicy);
}
