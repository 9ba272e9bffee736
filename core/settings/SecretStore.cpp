#include "settings/SecretStore.h"

#include "settings/Config.h"
#include "settings/KeychainName.h"
#include "spool/DurableFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSettings>
#include <QVariant>
#include <qt6keychain/keychain.h>

// Secret values are never logged, not even in debug output: only key names
// and file paths appear in messages.

Q_LOGGING_CATEGORY(lcSecrets, "yubisashi.secrets")

namespace Settings {

namespace {

// Never an account key: account names cannot be empty, and every account key has a '/'.
const QLatin1String kProbeKey("yubisashi-probe");

bool validKey(const QString& key, QString* error)
{
    if (!key.isEmpty() && !key.startsWith(QLatin1Char('/')) && !key.endsWith(QLatin1Char('/')))
        return true;
    if (error)
        *error = QCoreApplication::translate("Settings::SecretStore", "\"%1\" is not a valid secret name.")
                     .arg(key);
    return false;
}

// A secrets file that others can read is put right rather than refused:
// refusing would lock the user out of their own passwords, and the fix is
// what they would do anyway.
void restrictExistingFile(const QString& path)
{
    if (!QFileInfo(path).isFile())
        return;
    Spool::DurableFile::Error e;
    bool restricted = false;
    if (!Spool::DurableFile::restrictFile(path, &e, &restricted))
        qCWarning(lcSecrets) << "The secrets file" << path
                             << "can be read by other users and its permissions "
                             << "could not be reset to 0600:" << e.system;
    else if (restricted)
        qCWarning(lcSecrets) << "The secrets file" << path
                             << "could be read or written by other users; its permissions were reset to 0600";
}

// Creates the file empty and private before a secret is ever written to it.
bool createPrivateFile(const QString& path, QString* error)
{
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    Spool::DurableFile::Error e;
    // Only a folder made here is restricted: an existing folder (perhaps
    // the user's home) is not ours to change, and the file itself is 0600.
    if (!QFileInfo::exists(folder) && !Spool::DurableFile::makePrivateFolder(folder, &e)) {
        if (error)
            *error = QCoreApplication::translate("Settings::SecretStore",
                                                 "The folder %1 for the secrets file could not be created.")
                         .arg(folder);
        return false;
    }
    if (info.exists()) {
        restrictExistingFile(path);
        return true;
    }
    if (!Spool::DurableFile::createPrivateFile(path, &e)) {
        if (error)
            *error =
                e.step == Spool::DurableFile::Step::RestrictFile
                    ? QCoreApplication::translate("Settings::SecretStore",
                                                  "The permissions of the secrets file %1 could not be set.")
                          .arg(path)
                    : QCoreApplication::translate("Settings::SecretStore",
                                                  "The secrets file %1 could not be created: %2")
                          .arg(path, e.system);
        return false;
    }
    return true;
}

QString settingsError(const QString& path, QSettings::Status status)
{
    return status == QSettings::FormatError
               ? QCoreApplication::translate("Settings::SecretStore",
                                             "The secrets file %1 is damaged and could not be read.")
                     .arg(path)
               : QCoreApplication::translate(
                     "Settings::SecretStore",
                     "The secrets file %1 could not be read or written; check that it is yours and that the "
                     "disk "
                     "is not full.")
                     .arg(path);
}

// Makes one change to the secrets file and saves it.
template <typename Change> bool saveChange(const QString& path, Change change, QString* error)
{
    {
        QSettings s(path, QSettings::IniFormat);
        change(s);
        s.sync();
        if (s.status() != QSettings::NoError) {
            if (error)
                *error = settingsError(path, s.status());
            return false;
        }
    }
    // QSettings replaces the file on save; make sure the new one is private too.
    restrictExistingFile(path);
    return true;
}

// Runs one QtKeychain job to the end in a local event loop. User input is
// held back meanwhile so no window can start a second action re-entrantly;
// an unlock prompt of the keychain is a separate process and still works.
void runJob(QKeychain::Job& job)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    bool done = false;
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&done, &loop] {
        done = true;
        loop.quit();
    });
    job.start();
    if (!done)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
}

} // namespace

// ---------------------------------------------------------------------------

FileSecretStore::FileSecretStore(const QString& path) : m_path(QFileInfo(path).absoluteFilePath()) {}

std::optional<QString> FileSecretStore::read(const QString& key, QString* error)
{
    if (!validKey(key, error))
        return std::nullopt;
    const QFileInfo info(m_path);
    if (!info.exists())
        return std::nullopt;
    restrictExistingFile(m_path);
    if (!info.isFile() || !info.isReadable()) {
        if (error)
            *error =
                QCoreApplication::translate(
                    "Settings::SecretStore",
                    "The secrets file %1 cannot be read; check that it is a file and that it belongs to you.")
                    .arg(m_path);
        return std::nullopt;
    }
    QSettings s(m_path, QSettings::IniFormat);
    if (s.status() != QSettings::NoError) {
        if (error)
            *error = settingsError(m_path, s.status());
        return std::nullopt;
    }
    if (!s.contains(key))
        return std::nullopt;
    const QVariant v = s.value(key);
    // Written by hand without quotes, "a,b" comes back as a list.
    if (v.userType() == QMetaType::QStringList)
        return v.toStringList().join(QLatin1Char(','));
    return v.toString();
}

bool FileSecretStore::write(const QString& key, const QString& value, QString* error)
{
    if (!validKey(key, error) || !createPrivateFile(m_path, error))
        return false;
    return saveChange(
        m_path, [&key, &value](QSettings& s) { s.setValue(key, value); }, error);
}

bool FileSecretStore::remove(const QString& key, QString* error)
{
    if (!validKey(key, error))
        return false;
    if (!QFileInfo::exists(m_path))
        return true;
    restrictExistingFile(m_path);
    return saveChange(
        m_path, [&key](QSettings& s) { s.remove(key); }, error);
}

QString FileSecretStore::description() const
{
    return QCoreApplication::translate("Settings::SecretStore", "file %1").arg(m_path);
}

// ---------------------------------------------------------------------------

KeychainSecretStore::KeychainSecretStore(const QString& service) : m_service(service) {}

std::optional<QString> KeychainSecretStore::read(const QString& key, QString* error)
{
    if (!validKey(key, error))
        return std::nullopt;
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(key);
    runJob(job);
    if (job.error() == QKeychain::NoError)
        return job.textData();
    if (job.error() != QKeychain::EntryNotFound && error)
        *error = QCoreApplication::translate("Settings::SecretStore",
                                             "The password store (%1) did not give out \"%2\": %3")
                     .arg(KeychainName::of(), key, job.errorString());
    return std::nullopt;
}

bool KeychainSecretStore::write(const QString& key, const QString& value, QString* error)
{
    if (!validKey(key, error))
        return false;
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(key);
    job.setTextData(value);
    runJob(job);
    if (job.error() == QKeychain::NoError)
        return true;
    if (error)
        *error = QCoreApplication::translate("Settings::SecretStore",
                                             "The password store (%1) did not store \"%2\": %3")
                     .arg(KeychainName::of(), key, job.errorString());
    return false;
}

bool KeychainSecretStore::remove(const QString& key, QString* error)
{
    if (!validKey(key, error))
        return false;
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(key);
    runJob(job);
    if (job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound)
        return true;
    if (error)
        *error = QCoreApplication::translate("Settings::SecretStore",
                                             "The password store (%1) did not delete \"%2\": %3")
                     .arg(KeychainName::of(), key, job.errorString());
    return false;
}

QString KeychainSecretStore::description() const
{
    return KeychainName::of();
}

// ---------------------------------------------------------------------------

std::unique_ptr<SecretStore> SecretStore::create(const Config& config, QString* error)
{
    QString probeError;
    if (config.secrets.store == SecretsBackend::File) {
        auto store = std::make_unique<FileSecretStore>(config.secrets.file);
        store->read(kProbeKey, &probeError);
        if (!probeError.isEmpty()) {
            if (error)
                *error = probeError;
            return nullptr;
        }
        qCInfo(lcSecrets).noquote() << "Secrets are kept in" << store->description()
                                    << "([secrets] store=file)";
        return store;
    }

    // A read of a key that is not there is the cheapest question the keychain
    // must answer: "not found" means it works.
    QKeychain::ReadPasswordJob job(QStringLiteral("Yubisashi"));
    job.setKey(kProbeKey);
    runJob(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound) {
        const QString settingsFile = config.path.isEmpty() ? Config::defaultPath() : config.path;
        const QString secretsFile = config.secrets.file.isEmpty() ? QFileInfo(settingsFile).absolutePath() +
                                                                        QLatin1String("/secrets.ini")
                                                                  : config.secrets.file;
        if (error)
            *error =
                QCoreApplication::translate(
                    "Settings::SecretStore",
                    "The password store (%1) is not available (%2). Yubisashi keeps passwords and sign-in "
                    "tokens there and "
                    "does not store them anywhere else unless you say so. Either unlock or start it (on "
                    "Linux: GNOME Keyring or KWallet) and start Yubisashi again, or keep the secrets in a "
                    "file that only you can read: in the settings file %3, write store=file in the "
                    "[secrets] section. The secrets will then be kept in %4.")
                    .arg(KeychainName::of(), job.errorString(), settingsFile, secretsFile);
        qCWarning(lcSecrets).noquote() << "System keychain unavailable:" << job.errorString();
        return nullptr;
    }
    return std::make_unique<KeychainSecretStore>();
}

} // namespace Settings
