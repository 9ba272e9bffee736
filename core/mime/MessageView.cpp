#include "mime/MessageView.h"

#include "crypto/Sha256.h"
#include "mime/AddressList.h"
#include "mime/Charset.h"
#include "mime/Gmime.h"
#include "mime/HeaderParams.h"
#include "mime/HeaderText.h"
#include "mime/HtmlText.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>
#include <set>

using namespace Qt::StringLiterals;

namespace Mime {

namespace {

constexpr qsizetype kMaxBodyChars = 64 * 1024;
// Decoded bytes read for a body: enough for kMaxBodyChars in any charset, and
// for HTML whose markup may be most of the bytes.
constexpr qsizetype kMaxPlainBytes = kMaxBodyChars * 4;
constexpr qsizetype kMaxHtmlBytes = 2 * 1024 * 1024;
constexpr qsizetype kChunk = 64 * 1024;
constexpr int kMaxDepth = 64;

QString tr(const char* text)
{
    return QCoreApplication::translate("Mime::MessageView", text);
}

void addProblem(MessageView& view, const QString& problem)
{
    if (!view.problems.contains(problem))
        view.problems.append(problem);
}

void onParserWarning(gint64, GMimeParserWarning code, const gchar*, gpointer userData)
{
    static_cast<std::set<int>*>(userData)->insert(static_cast<int>(code));
}

// Every raw value of a header, in order. Raw: GMime's decoded values use its
// own charset guesses, which are wrong for much Japanese mail.
QList<QByteArray> rawHeaders(GMimeObject* object, const char* name)
{
    QList<QByteArray> values;
    GMimeHeaderList* list = object ? g_mime_object_get_header_list(object) : nullptr;
    if (!list)
        return values;
    const int count = g_mime_header_list_get_count(list);
    for (int i = 0; i < count; ++i) {
        GMimeHeader* header = g_mime_header_list_get_header_at(list, i);
        const char* headerName = g_mime_header_get_name(header);
        if (headerName && g_ascii_strcasecmp(headerName, name) == 0) {
            const char* raw = g_mime_header_get_raw_value(header);
            values.append(QByteArray(raw ? raw : ""));
        }
    }
    return values;
}

QByteArray rawHeader(GMimeObject* object, const char* name)
{
    const QList<QByteArray> values = rawHeaders(object, name);
    return values.isEmpty() ? QByteArray() : values.first();
}

bool hasHeader(GMimeObject* object, const char* name)
{
    return !rawHeaders(object, name).isEmpty();
}

QByteArray mimeType(GMimeObject* object)
{
    GMimeContentType* type = g_mime_object_get_content_type(object);
    if (!type)
        return "text/plain";
    const char* media = g_mime_content_type_get_media_type(type);
    const char* sub = g_mime_content_type_get_media_subtype(type);
    return (QByteArray(media ? media : "") + '/' + QByteArray(sub ? sub : "")).toLower();
}

QByteArray contentTypeParameter(GMimeObject* object, const char* name)
{
    GMimeContentType* type = g_mime_object_get_content_type(object);
    const char* value = type ? g_mime_content_type_get_parameter(type, name) : nullptr;
    return QByteArray(value ? value : "");
}

QStringList messageIds(const QByteArray& raw)
{
    QStringList ids;
    static const QRegularExpression pattern(u"<([^<>\\s]*)>"_s);
    const QString text = QString::fromLatin1(HeaderText::unfold(raw));
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        const QString id = it.next().captured(1);
        if (!id.isEmpty())
            ids.append(id);
    }
    if (ids.isEmpty() && !text.trimmed().isEmpty())
        ids.append(text.trimmed()); // an id written without angle brackets
    return ids;
}

struct Content
{
    qint64 size = 0;
    QByteArray sha256;
    QByteArray prefix; // the first bytes, up to what the caller asked for
    bool truncated = false;
};

class ContentSink
{
public:
    ContentSink(qsizetype keepBytes, bool wantHash) : m_keepBytes(keepBytes), m_wantHash(wantHash) {}

    // False once the caller has all it asked for.
    bool add(QByteArrayView chunk)
    {
        if (m_wantHash)
            m_hash.addData(chunk);
        m_content.size += chunk.size();
        const qsizetype room = m_keepBytes - m_content.prefix.size();
        if (chunk.size() > room)
            m_content.truncated = true;
        if (room > 0)
            m_content.prefix.append(chunk.first(std::min(chunk.size(), room)));
        if (m_wantHash || m_content.prefix.size() < m_keepBytes)
            return true;
        m_content.truncated = true; // stopping early: whatever follows is unread
        return false;
    }

    Content finish()
    {
        if (m_wantHash)
            m_content.sha256 = m_hash.result();
        return std::move(m_content);
    }

private:
    qsizetype m_keepBytes;
    bool m_wantHash;
    Crypto::Sha256 m_hash;
    Content m_content;
};

// Decodes a leaf's content in chunks: the decoded size and hash of a 25 MB
// attachment never need it whole in memory. Content that is a window on the
// message's own memory is decoded in place; anything else is read through
// GMime's stream filters.
Content readContent(GMimePart* part, const Gmime::BorrowedStream& source, qsizetype keepBytes, bool wantHash)
{
    ContentSink sink(keepBytes, wantHash);
    GMimeDataWrapper* wrapper = g_mime_part_get_content(part);
    GMimeStream* raw = wrapper ? g_mime_data_wrapper_get_stream(wrapper) : nullptr;
    if (!raw)
        return sink.finish();
    const GMimeContentEncoding encoding = g_mime_data_wrapper_get_encoding(wrapper);
    const bool decodes =
        encoding == GMIME_CONTENT_ENCODING_BASE64 || encoding == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE;
    const std::optional<QByteArrayView> memory = source.memoryOf(raw);
    if (memory && encoding != GMIME_CONTENT_ENCODING_UUENCODE) {
        if (!decodes) {
            for (qsizetype p = 0; p < memory->size(); p += kChunk) {
                if (!sink.add(memory->sliced(p, std::min(kChunk, memory->size() - p))))
                    break;
            }
            return sink.finish();
        }
        GMimeEncoding state;
        g_mime_encoding_init_decode(&state, encoding);
        QByteArray out(static_cast<qsizetype>(g_mime_encoding_outlen(&state, kChunk)) + 16,
                       Qt::Uninitialized);
        for (qsizetype p = 0; p < memory->size(); p += kChunk) {
            const QByteArrayView in = memory->sliced(p, std::min(kChunk, memory->size() - p));
            const size_t n =
                g_mime_encoding_step(&state, in.data(), static_cast<size_t>(in.size()), out.data());
            if (!sink.add(QByteArrayView(out.constData(), static_cast<qsizetype>(n))))
                return sink.finish();
        }
        const size_t n = g_mime_encoding_flush(&state, "", 0, out.data());
        sink.add(QByteArrayView(out.constData(), static_cast<qsizetype>(n)));
        return sink.finish();
    }
    g_mime_stream_reset(raw);
    Gmime::Ptr<GMimeStream> filtered(g_mime_stream_filter_new(raw));
    if (decodes || encoding == GMIME_CONTENT_ENCODING_UUENCODE) {
        Gmime::Ptr<GMimeFilter> decoder(g_mime_filter_basic_new(encoding, FALSE));
        g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered.get()), decoder.get());
    }
    QByteArray buffer(kChunk, Qt::Uninitialized);
    for (;;) {
        const ssize_t n =
            g_mime_stream_read(filtered.get(), buffer.data(), static_cast<size_t>(buffer.size()));
        if (n <= 0 || !sink.add(QByteArrayView(buffer.constData(), n)))
            break;
    }
    return sink.finish();
}

QString truncated(QString text)
{
    if (text.size() > kMaxBodyChars) {
        qsizetype end = kMaxBodyChars;
        if (text.at(end - 1).isHighSurrogate())
            --end;
        text.truncate(end);
    }
    return text;
}

class Walker
{
public:
    Walker(MessageView& view, const Gmime::BorrowedStream& source, QByteArray fallbackCharset)
        : m_view(view), m_source(source), m_fallbackCharset(std::move(fallbackCharset))
    {}

    void walk(GMimeObject* object, const QByteArray& parentType, int depth)
    {
        if (!object || depth > kMaxDepth)
            return;
        if (GMIME_IS_MULTIPART(object)) {
            const QByteArray type = mimeType(object);
            if (GMIME_IS_MULTIPART_ENCRYPTED(object))
                return; // its parts are the ciphertext, not anything the user attached
            GMimeMultipart* multipart = GMIME_MULTIPART(object);
            const int count = g_mime_multipart_get_count(multipart);
            for (int i = 0; i < count; ++i) {
                GMimeObject* child = g_mime_multipart_get_part(multipart, i);
                // The signature of multipart/signed is the signer's, not an attachment.
                if (GMIME_IS_MULTIPART_SIGNED(object) && i == 1)
                    continue;
                walk(child, type, depth + 1);
            }
            return;
        }
        if (GMIME_IS_MESSAGE_PART(object)) {
            messagePart(GMIME_MESSAGE_PART(object));
            return;
        }
        if (GMIME_IS_PART(object))
            leaf(GMIME_PART(object), parentType);
    }

    void finish()
    {
        if (!m_haveText && m_haveHtml)
            m_view.textBody = m_html;
    }

private:
    HeaderText::Context context(const QString& headerName)
    {
        return HeaderText::Context{m_fallbackCharset, headerName, &m_view.problems};
    }

    QString filenameOf(const HeaderParams& disposition, const HeaderParams& type)
    {
        QString name = disposition.parameter("filename", context(u"Content-Disposition"_s));
        if (name.trimmed().isEmpty())
            name = type.parameter("name", context(u"Content-Type"_s));
        return name.trimmed();
    }

    void messagePart(GMimeMessagePart* part)
    {
        GMimeObject* object = GMIME_OBJECT(part);
        const HeaderParams disposition =
            HeaderParams::parse(rawHeader(object, "Content-Disposition"), m_fallbackCharset);
        const HeaderParams type = HeaderParams::parse(rawHeader(object, "Content-Type"), m_fallbackCharset);
        Attachment attachment;
        attachment.filename = filenameOf(disposition, type);
        attachment.contentType = QString::fromLatin1(mimeType(object));
        attachment.isInline = disposition.value() == "inline";
        GMimeMessage* inner = g_mime_message_part_get_message(part);
        if (inner && attachment.filename.isEmpty()) {
            // Mailers show a forwarded message by its subject.
            const QString subject =
                HeaderText::decode(rawHeader(GMIME_OBJECT(inner), "Subject"), context(u"Subject"_s))
                    .trimmed();
            attachment.filename = subject + u".eml"_s;
        }
        if (attachment.filename.isEmpty() || attachment.filename == u".eml"_s)
            attachment.filename = u"message.eml"_s;
        // GMime keeps the forwarded message parsed, not as bytes: its serialisation is
        // what the size and hash describe (header and content bytes are kept as read).
        Crypto::Sha256 hash;
        if (inner) {
            Gmime::Ptr<GMimeStream> memory(g_mime_stream_mem_new());
            g_mime_object_write_to_stream(GMIME_OBJECT(inner), nullptr, memory.get());
            GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(memory.get()));
            const QByteArrayView view(reinterpret_cast<const char*>(bytes->data), bytes->len);
            attachment.size = view.size();
            hash.addData(view);
        }
        attachment.sha256 = hash.result();
        m_view.attachments.append(attachment);
    }

    void leaf(GMimePart* part, const QByteArray& parentType)
    {
        GMimeObject* object = GMIME_OBJECT(part);
        const QByteArray type = mimeType(object);
        const HeaderParams disposition =
            HeaderParams::parse(rawHeader(object, "Content-Disposition"), m_fallbackCharset);
        const HeaderParams contentType =
            HeaderParams::parse(rawHeader(object, "Content-Type"), m_fallbackCharset);
        const QString filename = filenameOf(disposition, contentType);
        const bool isText = type == "text/plain" || type == "text/html";
        if (isText && filename.isEmpty() && disposition.value() != "attachment") {
            body(part, type);
            return;
        }
        const Content content = readContent(part, m_source, 0, true);
        Attachment attachment;
        attachment.filename = filename;
        attachment.contentType = QString::fromLatin1(type);
        attachment.size = content.size;
        attachment.sha256 = content.sha256;
        attachment.isInline = disposition.value() == "inline" ||
                              (disposition.value().isEmpty() && parentType == "multipart/related");
        m_view.attachments.append(attachment);
    }

    void body(GMimePart* part, const QByteArray& type)
    {
        const bool plain = type == "text/plain";
        if ((plain && m_haveText) || (!plain && (m_haveHtml || m_haveText)))
            return; // only the first of each is read
        const Content content = readContent(part, m_source, plain ? kMaxPlainBytes : kMaxHtmlBytes, false);
        QByteArray charset = contentTypeParameter(GMIME_OBJECT(part), "charset");
        if (!plain && charset.isEmpty()) {
            static const QRegularExpression meta(u"<meta[^>]*charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)"_s,
                                                 QRegularExpression::CaseInsensitiveOption);
            const auto match = meta.match(QString::fromLatin1(content.prefix.left(4096)));
            if (match.hasMatch())
                charset = match.captured(1).toLatin1();
        }
        Charset::Status status = Charset::Status::Ok;
        QString text;
        if (charset.isEmpty() || !Charset::isKnown(charset) || Charset::icuName(charset).isEmpty()) {
            if (!charset.isEmpty() && !Charset::isKnown(charset))
                status = Charset::Status::UnknownCharset;
            text = Charset::decodeUnlabelled(content.prefix, m_fallbackCharset);
        } else {
            text = Charset::decode(content.prefix, charset, &status);
        }
        if (status == Charset::Status::UnknownCharset) {
            addProblem(m_view, tr("The message text uses an unknown character set (%1); it was guessed and "
                                  "may look wrong.")
                                   .arg(QString::fromLatin1(charset)));
        } else if (status == Charset::Status::Invalid && !content.truncated) {
            addProblem(m_view, tr("The message text is not valid in its declared character set (%1); "
                                  "some characters may look wrong.")
                                   .arg(QString::fromLatin1(charset)));
        }
        if (plain) {
            m_view.textBody = truncated(text);
            m_haveText = true;
        } else {
            m_html = truncated(HtmlText::toPlainText(text, kMaxBodyChars));
            m_haveHtml = true;
        }
    }

    MessageView& m_view;
    const Gmime::BorrowedStream& m_source;
    QByteArray m_fallbackCharset;
    bool m_haveText = false;
    bool m_haveHtml = false;
    QString m_html;
};

// The message's declared charset: the first text part's, used to read raw 8-bit header bytes.
QByteArray firstCharset(GMimeObject* object, int depth)
{
    if (!object || depth > kMaxDepth)
        return {};
    if (GMIME_IS_MULTIPART(object)) {
        GMimeMultipart* multipart = GMIME_MULTIPART(object);
        const int count = g_mime_multipart_get_count(multipart);
        for (int i = 0; i < count; ++i) {
            const QByteArray charset = firstCharset(g_mime_multipart_get_part(multipart, i), depth + 1);
            if (!charset.isEmpty())
                return charset;
        }
        return {};
    }
    if (GMIME_IS_PART(object) && mimeType(object).startsWith("text/")) {
        const QByteArray charset = contentTypeParameter(object, "charset");
        if (!Charset::icuName(charset).isEmpty())
            return charset;
    }
    return {};
}

// What the DER of an opaque S/MIME body says it is, when smime-type is missing.
QByteArray sniffSmimeType(GMimePart* part, const Gmime::BorrowedStream& source)
{
    const QByteArray der = readContent(part, source, 64, false).prefix;
    static const QByteArray oidPrefix = QByteArrayLiteral("\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07");
    const qsizetype at = der.indexOf(oidPrefix);
    if (at >= 0 && at + oidPrefix.size() < der.size()) {
        switch (der.at(at + oidPrefix.size())) {
        case 0x02:
            return "signed-data";
        case 0x03:
            return "enveloped-data";
        default:
            break;
        }
    }
    if (der.contains(QByteArrayLiteral("\x2a\x86\x48\x86\xf7\x0d\x01\x09\x10\x01\x17")))
        return "authenveloped-data";
    return {};
}

void classifyTop(MessageView& view, GMimeObject* top, const Gmime::BorrowedStream& source)
{
    if (!top)
        return;
    const QByteArray type = mimeType(top);
    if (type == "multipart/signed") {
        view.isSigned = true;
    } else if (type == "multipart/encrypted") {
        view.isEncrypted = true;
    } else if ((type == "application/pkcs7-mime" || type == "application/x-pkcs7-mime") &&
               GMIME_IS_PART(top)) {
        QByteArray smimeType = contentTypeParameter(top, "smime-type").toLower();
        if (smimeType.isEmpty())
            smimeType = sniffSmimeType(GMIME_PART(top), source);
        if (smimeType == "signed-data")
            view.isSigned = true;
        else if (smimeType != "certs-only" && smimeType != "compressed-data")
            view.isEncrypted = true; // enveloped-data, authEnveloped-data, or unreadable: treat as sealed
    }
}

void addParserProblems(MessageView& view, const std::set<int>& warnings)
{
    for (int code : warnings) {
        switch (code) {
        case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY:
            addProblem(view, tr("A multipart section has no boundary, so its parts could not be told apart; "
                                "it was read as a single part."));
            break;
        case GMIME_WARN_MALFORMED_MULTIPART:
            addProblem(view,
                       tr("A multipart section contains no parts; its boundary may be missing or wrong."));
            break;
        case GMIME_WARN_TRUNCATED_MESSAGE:
            addProblem(view, tr("The message seems to be cut off before its end."));
            break;
        case GMIME_CRIT_NESTING_OVERFLOW:
            addProblem(view, tr("The message is nested too deeply; its innermost parts were not read."));
            break;
        case GMIME_WARN_INVALID_CONTENT_TYPE:
            addProblem(view, tr("A part has an invalid Content-Type; it was treated as binary data."));
            break;
        case GMIME_CRIT_INVALID_HEADER_NAME:
            addProblem(view, tr("The message contains a line that is not a valid header; some headers may "
                                "have been missed."));
            break;
        default:
            break; // duplicated headers and parameters and the like: common and harmless
        }
    }
}

QList<Mailbox> addressesOf(GMimeObject* headers, const char* name, const QString& label,
                           const QByteArray& fallbackCharset, QStringList* problems)
{
    QList<Mailbox> result;
    // Several To or Cc headers are invalid but all their addresses are shown by
    // readers: every one of them is a recipient.
    for (const QByteArray& raw : rawHeaders(headers, name))
        result += AddressList::parse(raw, HeaderText::Context{fallbackCharset, label, problems});
    return result;
}

} // namespace

QByteArray MessageView::headerCharset(const QByteArray& content)
{
    Gmime::BorrowedStream stream(content);
    Gmime::Ptr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.stream()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    g_mime_parser_set_persist_stream(parser.get(), TRUE);
    Gmime::ParserOptionsPtr options(g_mime_parser_options_new());
    Gmime::Ptr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options.get()));
    return message ? firstCharset(g_mime_message_get_mime_part(message.get()), 0) : QByteArray();
}

MessageView MessageView::parse(const QByteArray& content)
{
    MessageView view;
    // Declared first: every GMime object below refers to this memory and goes first.
    Gmime::BorrowedStream stream(content);
    Gmime::Ptr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.stream()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    g_mime_parser_set_persist_stream(parser.get(), TRUE);
    Gmime::ParserOptionsPtr options(g_mime_parser_options_new());
    std::set<int> warnings;
    g_mime_parser_options_set_warning_callback(options.get(), onParserWarning, &warnings);
    Gmime::Ptr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options.get()));
    if (!message) {
        addProblem(view, tr("This does not look like an e-mail message: no headers could be read."));
        return view;
    }
    GMimeObject* headers = GMIME_OBJECT(message.get());
    GMimeObject* top = g_mime_message_get_mime_part(message.get());
    const QByteArray fallback = firstCharset(top, 0);

    auto context = [&](const QString& name) {
        return HeaderText::Context{fallback, name, &view.problems};
    };

    const QList<Mailbox> from = addressesOf(headers, "From", u"From"_s, fallback, &view.problems);
    if (!from.isEmpty())
        view.from = from.first();
    else
        addProblem(view, tr("The message has no sender address (From)."));
    view.sender = addressesOf(headers, "Sender", u"Sender"_s, fallback, &view.problems);
    view.replyTo = addressesOf(headers, "Reply-To", u"Reply-To"_s, fallback, &view.problems);
    view.to = addressesOf(headers, "To", u"To"_s, fallback, &view.problems);
    view.cc = addressesOf(headers, "Cc", u"Cc"_s, fallback, &view.problems);
    view.bcc = addressesOf(headers, "Bcc", u"Bcc"_s, fallback, &view.problems);
    if (hasHeader(headers, "Subject"))
        view.subject = HeaderText::decode(rawHeader(headers, "Subject"), context(u"Subject"_s));

    const QByteArray date = HeaderText::unfold(rawHeader(headers, "Date")).trimmed();
    if (!date.isEmpty()) {
        const Gmime::DateTimePtr parsed(g_mime_utils_header_decode_date(date.constData()));
        if (parsed) {
            const int offset =
                static_cast<int>(g_date_time_get_utc_offset(parsed.get()) / G_TIME_SPAN_SECOND);
            view.date = QDateTime::fromSecsSinceEpoch(g_date_time_to_unix(parsed.get()), QTimeZone(offset));
        } else {
            addProblem(view, tr("The Date header could not be read."));
        }
    }
    const QStringList ids = messageIds(rawHeader(headers, "Message-ID"));
    view.messageId = ids.value(0);
    view.inReplyTo = messageIds(rawHeader(headers, "In-Reply-To")).value(0);
    view.references = messageIds(rawHeader(headers, "References"));
    view.hasMimeVersion = hasHeader(headers, "MIME-Version");

    classifyTop(view, top, stream);
    if (top && !(GMIME_IS_PART(top) && (view.isSigned || view.isEncrypted))) {
        // An opaque S/MIME body is the message itself, not something the user attached.
        Walker walker(view, stream, fallback);
        walker.walk(top, QByteArray(), 0);
        walker.finish();
    }
    addParserProblems(view, warnings);
    return view;
}

} // namespace Mime
