#include "settings/AdminPolicy.h"
#include "settings/IniPolicySource.h"
#include "settings/PolicySource.h"

#include <CoreFoundation/CoreFoundation.h>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Settings {

namespace {

// The preferences domain of the app (packaging/CMakeLists.txt, yubisashi_app_id).
const QString kDomain = u"org.yubisashi.Yubisashi"_s;

template <typename T> struct CfOwner
{
    explicit CfOwner(T ref) : ref(ref) {}
    ~CfOwner()
    {
        if (ref)
            CFRelease(ref);
    }
    CfOwner(const CfOwner&) = delete;
    CfOwner& operator=(const CfOwner&) = delete;
    T ref;
};

QString toQString(CFStringRef s)
{
    return QString::fromCFString(s);
}

QVariant toVariant(CFTypeRef value)
{
    const CFTypeID type = CFGetTypeID(value);
    if (type == CFStringGetTypeID())
        return toQString(static_cast<CFStringRef>(value));
    if (type == CFBooleanGetTypeID())
        return CFBooleanGetValue(static_cast<CFBooleanRef>(value)) ? u"true"_s : u"false"_s;
    if (type == CFNumberGetTypeID()) {
        long long n = 0;
        if (CFNumberGetValue(static_cast<CFNumberRef>(value), kCFNumberLongLongType, &n))
            return QString::number(n);
        return QVariant();
    }
    if (type == CFArrayGetTypeID()) {
        const auto array = static_cast<CFArrayRef>(value);
        QStringList items;
        for (CFIndex i = 0; i < CFArrayGetCount(array); ++i) {
            const QVariant item = toVariant(CFArrayGetValueAtIndex(array, i));
            if (item.isValid())
                items << item.toString();
        }
        return items;
    }
    return QVariant();
}

// The payload's layout is the registry's: a dictionary per group ("policy",
// "accounts"…), and "Recommended" holding the same for the recommended tier.
void collect(CFDictionaryRef dict, const QString& prefix, QList<PolicyEntry>* out)
{
    const CFIndex count = CFDictionaryGetCount(dict);
    std::vector<const void*> keys(size_t(count)), values(size_t(count));
    CFDictionaryGetKeysAndValues(dict, keys.data(), values.data());
    for (CFIndex i = 0; i < count; ++i) {
        if (CFGetTypeID(keys[size_t(i)]) != CFStringGetTypeID())
            continue;
        const QString name = toQString(static_cast<CFStringRef>(keys[size_t(i)]));
        // Keys a profile adds for itself, not settings.
        if (name.startsWith(u"Payload"_s) || name.startsWith(u"PayloadContent"_s))
            continue;
        const CFTypeRef value = values[size_t(i)];
        if (CFGetTypeID(value) == CFDictionaryGetTypeID())
            collect(static_cast<CFDictionaryRef>(value), prefix + name + u'/', out);
        else
            out->append(PolicySource::entryFor(prefix + name, toVariant(value)));
    }
}

// One managed-preferences file (binary or XML plist), written by the system
// from a configuration profile (deploy/macos/yubisashi.mobileconfig).
class ManagedPreferencesSource : public PolicySource
{
    Q_DECLARE_TR_FUNCTIONS(Settings::ManagedPreferencesSource)

public:
    explicit ManagedPreferencesSource(const QString& path) : m_path(path) {}

    QString location() const override { return m_path; }

    QList<PolicyEntry> read(QStringList* errors) const override
    {
        if (!QFileInfo::exists(m_path))
            return {};
        QFile file(m_path);
        if (!file.open(QIODevice::ReadOnly)) {
            *errors << tr("The administrator's policy %1 cannot be read, so its settings are not applied.")
                           .arg(m_path);
            return {};
        }
        const QByteArray bytes = file.readAll();
        CfOwner<CFDataRef> data(CFDataCreate(
            kCFAllocatorDefault, reinterpret_cast<const UInt8*>(bytes.constData()), CFIndex(bytes.size())));
        CfOwner<CFPropertyListRef> plist(
            data.ref ? CFPropertyListCreateWithData(kCFAllocatorDefault, data.ref, kCFPropertyListImmutable,
                                                    nullptr, nullptr)
                     : nullptr);
        if (!plist.ref || CFGetTypeID(plist.ref) != CFDictionaryGetTypeID()) {
            *errors << tr("The administrator's policy %1 is not a valid property list, so its settings are "
                          "not applied.")
                           .arg(m_path);
            return {};
        }
        QList<PolicyEntry> entries;
        collect(static_cast<CFDictionaryRef>(plist.ref), QString(), &entries);
        return entries;
    }

private:
    QString m_path;
};

} // namespace

// The person's own managed preferences and the computer's; the computer's
// win, as HKLM does on Windows. The INI file of earlier versions
// (/Library/Application Support/Yubisashi/policy.ini) applies where neither
// sets a key.
std::vector<std::unique_ptr<PolicySource>> PolicySource::system()
{
    const QString base = u"/Library/Managed Preferences/"_s;
    // The account's own name, not $USER: the environment is the person's to change.
    const passwd* entry = getpwuid(getuid());
    const QString user = entry && entry->pw_name ? QString::fromLocal8Bit(entry->pw_name) : QString();
    std::vector<std::unique_ptr<PolicySource>> sources;
    sources.push_back(std::make_unique<ManagedPreferencesSource>(base + kDomain + u".plist"_s));
    if (!user.isEmpty() && !user.contains(u'/'))
        sources.push_back(
            std::make_unique<ManagedPreferencesSource>(base + user + u'/' + kDomain + u".plist"_s));
    sources.push_back(std::make_unique<IniPolicySource>(AdminPolicy::defaultPath()));
    return sources;
}

} // namespace Settings
