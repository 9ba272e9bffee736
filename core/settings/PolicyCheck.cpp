#include "settings/PolicyCheck.h"

#include "settings/AdminPolicy.h"
#include "settings/IniPolicySource.h"
#include "settings/RegPolicyFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Settings {

QList<PolicyEntry> PolicyCheck::readEntries(const QString& path, QStringList* problems, QString* baseFolder,
                                            bool* readable)
{
    *readable = false;
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly)) {
        *problems << tr("%1 cannot be read: %2").arg(shown, file.errorString());
        return {};
    }
    const QByteArray data = file.readAll();
    file.close();

    if (data.startsWith("\xFF\xFE") || data.startsWith("\xFE\xFF")) {
        // regedit exports UTF-16 with a byte-order mark.
        QStringDecoder decoder(data.startsWith("\xFF\xFE") ? QStringDecoder::Utf16LE
                                                           : QStringDecoder::Utf16BE);
        const QString text = decoder.decode(data.mid(2));
        if (decoder.hasError() || !RegPolicyFile::looksLikeReg(text)) {
            *problems << tr("%1 is neither a policy INI file nor a registry export (.reg).").arg(shown);
            return {};
        }
        *readable = true;
        return RegPolicyFile::parse(QString(text).remove(u'\r'), shown, problems);
    }
    if (const int line = IniPolicySource::firstLineNotUtf8(data); line > 0) {
        *problems << IniPolicySource::notUtf8Message(shown, line);
        return {};
    }
    *readable = true;
    const QString text = QString::fromUtf8(data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data);
    if (RegPolicyFile::looksLikeReg(text))
        return RegPolicyFile::parse(QString(text).remove(u'\r'), shown, problems);
    const IniPolicySource source(path);
    *baseFolder = source.baseFolder();
    return source.read(problems);
}

PolicyCheck::Result PolicyCheck::checkFile(const QString& path)
{
    Result result;
    QString base;
    bool readable = false;
    const QList<PolicyEntry> entries = readEntries(path, &result.problems, &base, &readable);
    if (!readable)
        return result;
    const AdminPolicy policy =
        AdminPolicy::fromEntries(entries, QDir::toNativeSeparators(path), base, &result.problems);
    result.locked = int(policy.lockedKeys().size());
    result.recommended = int(policy.recommendedKeys().size());
    result.valid = result.problems.isEmpty();
    return result;
}

} // namespace Settings
