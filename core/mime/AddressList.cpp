#include "mime/AddressList.h"

#include "mime/Charset.h"
#include "mime/Idna.h"

#include <QCoreApplication>
#include <vector>

using namespace Qt::StringLiterals;

namespace Mime {

namespace {

enum class Kind
{
    Atom,
    Quoted,
    Comment,
    Literal,
    Special
};

struct Token
{
    Kind kind;
    QByteArray text; // content without quotes/parentheses, escapes resolved
    bool spaceBefore = false;
    bool is(char special) const { return kind == Kind::Special && text.size() == 1 && text[0] == special; }
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isSpecial(char c)
{
    switch (c) {
    case '(':
    case ')':
    case '<':
    case '>':
    case '[':
    case ']':
    case ':':
    case ';':
    case '@':
    case '\\':
    case ',':
    case '.':
    case '"':
        return true;
    default:
        return false;
    }
}

// Reads a delimited run (quoted string, comment, domain literal) starting after
// its opening character; an unterminated one runs to the end.
QByteArray readDelimited(QByteArrayView text, qsizetype* pos, char open, char close, bool nests)
{
    QByteArray out;
    int depth = 1;
    qsizetype i = *pos;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '\\' && i + 1 < text.size()) {
            out.append(text[i + 1]);
            i += 2;
            continue;
        }
        if (nests && c == open) {
            ++depth;
        } else if (c == close) {
            if (--depth == 0) {
                ++i;
                break;
            }
        }
        out.append(c);
        ++i;
    }
    *pos = i;
    return out;
}

std::vector<Token> tokenize(QByteArrayView text)
{
    std::vector<Token> tokens;
    bool space = false;
    qsizetype i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (isSpace(c)) {
            space = true;
            ++i;
            continue;
        }
        Token token{Kind::Atom, {}, space};
        if (c == '"') {
            ++i;
            token.kind = Kind::Quoted;
            token.text = readDelimited(text, &i, '"', '"', false);
        } else if (c == '(') {
            ++i;
            token.kind = Kind::Comment;
            token.text = readDelimited(text, &i, '(', ')', true);
        } else if (c == '[') {
            ++i;
            token.kind = Kind::Literal;
            token.text = '[' + readDelimited(text, &i, '[', ']', false) + ']';
        } else if (const qsizetype word = HeaderText::encodedWordLength(text, i); word > 0) {
            // A whole encoded word is one atom even when it (wrongly) holds specials:
            // "=?utf-8?Q?Yamada,_Taro?=".
            token.text = text.sliced(i, word).toByteArray();
            i += word;
            while (i < text.size() && !isSpace(text[i]) && !isSpecial(text[i]))
                token.text.append(text[i++]);
        } else if (isSpecial(c)) {
            token.kind = Kind::Special;
            token.text = QByteArray(1, c);
            ++i;
        } else {
            while (i < text.size() && !isSpace(text[i]) && !isSpecial(text[i])) {
                if (text[i] == '=' && HeaderText::encodedWordLength(text, i) > 0)
                    break;
                token.text.append(text[i++]);
            }
        }
        tokens.push_back(std::move(token));
        space = tokens.back().kind == Kind::Comment; // a comment separates like whitespace
    }
    return tokens;
}

// The phrase put back together as header text, then decoded as unstructured text.
QString decodePhrase(const std::vector<Token>& tokens, size_t begin, size_t end,
                     const HeaderText::Context& context)
{
    QByteArray phrase;
    for (size_t k = begin; k < end; ++k) {
        const Token& t = tokens[k];
        if (t.kind == Kind::Comment)
            continue;
        if (t.spaceBefore && !phrase.isEmpty())
            phrase.append(' ');
        phrase.append(t.text);
    }
    return HeaderText::decode(phrase, context).trimmed();
}

QString firstComment(const std::vector<Token>& tokens, size_t begin, size_t end,
                     const HeaderText::Context& context)
{
    for (size_t k = begin; k < end; ++k) {
        if (tokens[k].kind == Kind::Comment) {
            const QString text = HeaderText::decode(tokens[k].text, context).trimmed();
            if (!text.isEmpty())
                return text;
        }
    }
    return {};
}

bool isDotAtom(QByteArrayView local)
{
    if (local.isEmpty() || local.startsWith('.') || local.endsWith('.') || local.contains(".."))
        return false;
    for (char c : local) {
        if (isSpace(c) || (isSpecial(c) && c != '.') || static_cast<unsigned char>(c) < 0x20)
            return false;
    }
    return true;
}

QString decodeBytes(const QByteArray& bytes, const HeaderText::Context& context)
{
    // SMTPUTF8 addresses are UTF-8 (RFC 6532); anything else 8-bit is a guess.
    return Charset::decodeUnlabelled(bytes, context.fallbackCharset);
}

struct Parser
{
    const std::vector<Token>& tokens;
    const HeaderText::Context& context;
    QList<Mailbox> result;

    QString textOf(size_t begin, size_t end) const
    {
        QByteArray out;
        for (size_t k = begin; k < end; ++k) {
            const Token& t = tokens[k];
            if (t.spaceBefore && !out.isEmpty())
                out.append(' ');
            if (t.kind == Kind::Quoted)
                out.append('"' + t.text + '"');
            else if (t.kind == Kind::Comment)
                out.append('(' + t.text + ')');
            else
                out.append(t.text);
        }
        return Charset::decodeUnlabelled(out, context.fallbackCharset).trimmed();
    }

    void unparsable(size_t begin, size_t end)
    {
        const QString text = textOf(begin, end);
        if (text.isEmpty())
            return;
        HeaderText::addProblem(context, QCoreApplication::translate(
                                            "Mime::MessageView", "The %1 header contains “%2”, which is not "
                                                                 "an e-mail address.")
                                            .arg(context.headerName, text));
    }

    // local-part "@" domain, from the tokens of an addr-spec (comments skipped).
    bool addrSpec(size_t begin, size_t end, QString* local, QString* domain)
    {
        size_t at = end;
        for (size_t k = begin; k < end; ++k) {
            if (tokens[k].is('@'))
                at = k; // the last '@': "a@b"@c is quoted, an unquoted extra '@' belongs to the local part
        }
        if (at == end)
            return false;
        QByteArray localBytes;
        bool quoted = false;
        for (size_t k = begin; k < at; ++k) {
            const Token& t = tokens[k];
            if (t.kind == Kind::Comment)
                continue;
            quoted = quoted || t.kind == Kind::Quoted;
            localBytes.append(t.text);
        }
        QByteArray domainBytes;
        for (size_t k = at + 1; k < end; ++k) {
            const Token& t = tokens[k];
            if (t.kind != Kind::Comment)
                domainBytes.append(t.text);
        }
        while (domainBytes.endsWith('.'))
            domainBytes.chop(1); // "example.com." is the same domain
        if (localBytes.isEmpty() || domainBytes.isEmpty())
            return false;
        QString localText = decodeBytes(localBytes, context);
        if (quoted && !isDotAtom(localBytes)) {
            localText.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
            localText = u'"' + localText + u'"';
        }
        *local = localText;
        *domain = decodeBytes(domainBytes, context);
        return true;
    }

    void mailboxItem(size_t begin, size_t end)
    {
        // Empty items (", ,") are allowed by RFC 5322's obsolete syntax.
        bool empty = true;
        for (size_t k = begin; k < end; ++k)
            empty = empty && tokens[k].kind == Kind::Comment;
        if (empty)
            return;

        size_t open = end;
        for (size_t k = begin; k < end; ++k) {
            if (tokens[k].is('<')) {
                open = k;
                break;
            }
        }
        QString local;
        QString domain;
        if (open != end) {
            size_t close = open + 1;
            while (close < end && !tokens[close].is('>'))
                ++close;
            size_t specBegin = open + 1;
            for (size_t k = open + 1; k < close; ++k) {
                if (tokens[k].is(':'))
                    specBegin = k + 1; // obsolete route "<@relay:user@host>"
            }
            if (!addrSpec(specBegin, close, &local, &domain)) {
                unparsable(begin, end);
                return;
            }
            QString name = decodePhrase(tokens, begin, open, context);
            if (name.isEmpty())
                name = firstComment(tokens, begin, end, context);
            result.append(AddressList::mailbox(name, local, domain));
            return;
        }
        if (!addrSpec(begin, end, &local, &domain)) {
            unparsable(begin, end);
            return;
        }
        result.append(AddressList::mailbox(firstComment(tokens, begin, end, context), local, domain));
    }

    void run()
    {
        size_t itemBegin = 0;
        bool inGroup = false;
        int angle = 0;
        for (size_t k = 0; k < tokens.size(); ++k) {
            const Token& t = tokens[k];
            if (t.is('<')) {
                ++angle;
            } else if (t.is('>')) {
                angle = std::max(0, angle - 1);
            } else if (angle == 0 && t.is(':') && !inGroup) {
                inGroup = true; // the group's display name says nothing about who receives it
                itemBegin = k + 1;
            } else if (angle == 0 && t.is(';')) {
                mailboxItem(itemBegin, k);
                inGroup = false;
                itemBegin = k + 1;
            } else if (angle == 0 && t.is(',')) {
                mailboxItem(itemBegin, k);
                itemBegin = k + 1;
            }
        }
        mailboxItem(itemBegin, tokens.size());
    }
};

} // namespace

Mailbox AddressList::mailbox(const QString& name, const QString& localPart, const QString& domain)
{
    Mailbox box;
    box.name = name;
    box.address = localPart + u'@' + Idna::toUnicode(domain);
    box.addressAce = localPart + u'@' + Idna::toAscii(domain);
    return box;
}

QList<Mailbox> AddressList::parse(QByteArrayView raw, const HeaderText::Context& context)
{
    const QByteArray text = HeaderText::unfoldForParsing(raw, context.fallbackCharset);
    const std::vector<Token> tokens = tokenize(text);
    Parser parser{tokens, context, {}};
    parser.run();
    return parser.result;
}

} // namespace Mime
