// Prints a MessageView as the JSON of `yubisashi check --json`, for the
// differential test while the real command line is not there, and for looking
// at how a message is parsed: mime_dump FILE.eml
#include "mime/MessageView.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

QJsonObject recipient(const Mime::Mailbox& box, const QString& field)
{
    const qsizetype at = box.address.lastIndexOf(u'@');
    return QJsonObject{{u"address"_s, box.address},
                       {u"address_ace"_s, box.addressAce},
                       {u"name"_s, box.name},
                       {u"field"_s, field},
                       {u"domain"_s, at >= 0 ? box.address.mid(at + 1) : QString()},
                       {u"internal"_s, false},
                       {u"findings"_s, QJsonArray()}};
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 2) {
        QTextStream(stderr) << "usage: mime_dump FILE.eml\n";
        return 3;
    }
    QFile file(args.at(1));
    if (!file.open(QIODevice::ReadOnly)) {
        QTextStream(stderr) << "cannot read " << args.at(1) << ": " << file.errorString() << '\n';
        return 3;
    }
    const Mime::MessageView view = Mime::MessageView::parse(file.readAll());
    QJsonArray recipients;
    for (const auto& box : view.to)
        recipients.append(recipient(box, u"to"_s));
    for (const auto& box : view.cc)
        recipients.append(recipient(box, u"cc"_s));
    for (const auto& box : view.bcc)
        recipients.append(recipient(box, u"bcc"_s));
    QJsonArray attachments;
    for (const auto& a : view.attachments) {
        attachments.append(QJsonObject{{u"filename"_s, a.filename},
                                       {u"content_type"_s, a.contentType},
                                       {u"size"_s, a.size},
                                       {u"inline"_s, a.isInline},
                                       {u"sha256"_s, QString::fromLatin1(a.sha256.toHex())}});
    }
    const QJsonObject root{
        {u"from"_s, QJsonObject{{u"address"_s, view.from.address}, {u"name"_s, view.from.name}}},
        {u"subject"_s, view.subject},
        {u"recipients"_s, recipients},
        {u"attachments"_s, attachments},
        {u"findings"_s, QJsonArray()},
        {u"verdict"_s, u"pass"_s},
        {u"problems"_s, QJsonArray::fromStringList(view.problems)},
        {u"text_body"_s, view.textBody},
        {u"is_signed"_s, view.isSigned},
        {u"is_encrypted"_s, view.isEncrypted},
    };
    QTextStream(stdout) << QJsonDocument(root).toJson(QJsonDocument::Indented);
    return 0;
}
