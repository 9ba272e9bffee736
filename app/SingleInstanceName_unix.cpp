#include "SingleInstanceName.h"

#include <QFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace SingleInstanceName {

QString make(const QString& token)
{
    // Not the shared temp folder, where another user could take the name
    // first: the user's private runtime folder ($XDG_RUNTIME_DIR on Linux),
    // which Qt uses only when this user owns it with mode 0700.
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (folder.isEmpty())
        return {};
    return folder + u"/yubisashi-"_s + token;
}

bool tooLong(const QString& name)
{
    // sockaddr_un holds 104 (macOS) to 108 (Linux) bytes with the final NUL.
    return QFile::encodeName(name).size() >= 104;
}

} // namespace SingleInstanceName
