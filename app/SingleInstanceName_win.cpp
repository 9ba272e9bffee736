#include "SingleInstanceName.h"

using namespace Qt::StringLiterals;

namespace SingleInstanceName {

QString make(const QString& token)
{
    // Every user's named pipes share one namespace: the user's name in it keeps
    // them apart, and QLocalServer::UserAccessOption lets only this user in.
    QString user = qEnvironmentVariable("USERNAME");
    for (QChar& c : user) {
        if (!c.isLetterOrNumber() && c != u'.' && c != u'_' && c != u'-')
            c = u'_';
    }
    return u"yubisashi-"_s + user + u'-' + token;
}

bool tooLong(const QString&)
{
    return false; // pipe names may be 256 characters; ours are far shorter
}

} // namespace SingleInstanceName
