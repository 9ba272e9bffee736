#include "smtp/Reply.h"

#include <QStringList>

namespace Smtp {

QByteArray Reply::toWire() const
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    QByteArray out;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        out += QByteArray::number(code);
        out += i + 1 < lines.size() ? '-' : ' ';
        if (!enhanced.isEmpty()) {
            out += enhanced.toLatin1();
            out += ' ';
        }
        QByteArray line = lines.at(i).toUtf8();
        line.replace('\r', ' ');
        out += line;
        out += "\r\n";
    }
    return out;
}

QString Reply::toString() const
{
    QString s = QString::number(code);
    if (!enhanced.isEmpty())
        s += QLatin1Char(' ') + enhanced;
    if (!text.isEmpty())
        s += QLatin1Char(' ') + QString(text).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s;
}

} // namespace Smtp
