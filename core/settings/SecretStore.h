#pragma once

#include <QString>
#include <memory>
#include <optional>

namespace Settings {

struct Config;

// Where secrets live: keys are "ACCOUNT/password", "ACCOUNT/smime_password",
// "ACCOUNT/refresh_token", "ACCOUNT/local_password".
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    // nullopt when the key is absent; error set (and nullopt) when the store failed.
    virtual std::optional<QString> read(const QString& key, QString* error) = 0;
    virtual bool write(const QString& key, const QString& value, QString* error) = 0;
    virtual bool remove(const QString& key, QString* error) = 0;
    virtual QString description() const = 0; // for logs and Settings: "system keychain", "file /path"

    // The store the configuration asks for. For the keychain, checks that it
    // answers; when it does not, returns null and explains in error what to do
    // (there is no silent fallback to a file).
    static std::unique_ptr<SecretStore> create(const Config& config, QString* error);
};

// An INI file with 0600 permissions, chosen explicitly with [secrets] store=file.
class FileSecretStore : public SecretStore
{
public:
    explicit FileSecretStore(const QString& path);
    std::optional<QString> read(const QString& key, QString* error) override;
    bool write(const QString& key, const QString& value, QString* error) override;
    bool remove(const QString& key, QString* error) override;
    QString description() const override;

private:
    QString m_path;
};

// The OS keychain through QtKeychain (Secret Service, Keychain, Credential Manager).
class KeychainSecretStore : public SecretStore
{
public:
    explicit KeychainSecretStore(const QString& service = QStringLiteral("Yubisashi"));
    std::optional<QString> read(const QString& key, QString* error) override;
    bool write(const QString& key, const QString& value, QString* error) override;
    bool remove(const QString& key, QString* error) override;
    QString description() const override;

private:
    QString m_service;
};

} // namespace Settings
