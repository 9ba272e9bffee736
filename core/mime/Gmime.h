#pragma once

// The one place that includes GMime. Everything else in core/mime talks to it
// through these owners, so no GObject reference is ever leaked or dropped twice.
// GLib's gio headers use "signals" as a field name, Qt defines it as a keyword.
#pragma push_macro("signals")
#undef signals
#include <gmime/gmime.h>
#pragma pop_macro("signals")

#include <QByteArray>
#include <QByteArrayView>
#include <memory>
#include <optional>

namespace Mime::Gmime {

struct ObjectUnref
{
    void operator()(gpointer object) const
    {
        if (object)
            g_object_unref(object);
    }
};

// Owns one reference to a GObject (GMimeMessage, GMimeStream, GMimeFilter, ...).
template <typename T> using Ptr = std::unique_ptr<T, ObjectUnref>;

struct DateTimeUnref
{
    void operator()(GDateTime* dateTime) const
    {
        if (dateTime)
            g_date_time_unref(dateTime);
    }
};
using DateTimePtr = std::unique_ptr<GDateTime, DateTimeUnref>;

struct ParserOptionsFree
{
    void operator()(GMimeParserOptions* options) const
    {
        if (options)
            g_mime_parser_options_free(options);
    }
};
using ParserOptionsPtr = std::unique_ptr<GMimeParserOptions, ParserOptionsFree>;

// g_mime_init() is not thread-safe and must run once per process; the spool
// and the `check` command may parse from different threads.
void ensureInitialized();

// A read-only GMime stream over memory the caller keeps alive (a QByteArray's
// buffer). GMime's parser, when it may keep the stream, makes every part's
// content a substream of it: a 25 MB message is never copied. The caller must
// drop every GMime object made from this stream before this object dies.
class BorrowedStream
{
public:
    explicit BorrowedStream(QByteArrayView bytes);
    ~BorrowedStream();
    BorrowedStream(const BorrowedStream&) = delete;
    BorrowedStream& operator=(const BorrowedStream&) = delete;

    GMimeStream* stream() const { return m_stream.get(); }
    // The bytes behind `substream` when it is a window on this stream's memory
    // (what the parser gives every part's content): read in place, no copy.
    std::optional<QByteArrayView> memoryOf(GMimeStream* substream) const;

private:
    GByteArray* m_array = nullptr;
    Ptr<GMimeStream> m_stream;
};

} // namespace Mime::Gmime
