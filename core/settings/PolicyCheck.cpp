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

PolicyCheck::Result PolicyCheck::checkFile(const QString& path)
{
    Result result;
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly)) {
        result.problems << tr("%1 cannot be read: %2").arg(shown, file.errorString());
        return result;
    }
    const QByteArray data = file.readAll();
    file.close();

    QList<PolicyEntry> entries;
    QString base;
    if (data.startsWith("\xFF\xFE") || data.startsWith("\xFE\xFF")) {
        // regedit exports UTF-16 with a byte-order mark.
        QStringDecoder decoder(data.startsWith("\xFF\xFE") ? QStringDecoder::Utf16LE
                                                           : QStringDecoder::Utf16BE);
        const QString text = decoder.decode(data.mid(2));
        if (decoder.hasError() || !RegPolicyFile::looksLikeReg(text)) {
            result.problems << tr("%1 is neither a policy INI file nor a registry export (.reg).").arg(shown);
            return result;
        }
        entries = RegPolicyFile::parse(QString(text).remove(u'\r'), shown, &result.problems);
    } else {
        if (const int line = IniPolicySource::firstLineNotUtf8(data); line > 0) {
            result.problems << IniPolicySource::notUtf8Message(shown, line);
            return result;
        }
        const QString text = QString::fromUtf8(data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data);
        if (RegPolicyFile::looksLikeReg(text)) {
            entries = RegPolicyFile::parse(QString(text).remove(u'\r'), shown, &result.problems);
        } else {
            const IniPolicySource source(path);
            entries = source.read(&result.problems);
            base = source.baseFolder();
        }
    }
    const AdminPolicy policy = AdminPolicy::fromEntries(entries, shown, base, &result.problems);
    result.locked = int(policy.lockedKeys().size());
    result.recommended = int(policy.recommendedKeys().size());
    result.valid = result.problems.isEmpty();
    return result;
}

} // namespace Settings
