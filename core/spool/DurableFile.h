#pragma once

#include <QByteArray>
#include <QString>

namespace Spool {

// The file-system calls that "after a 250 a message is never lost" and
// "private data stays private" rest on, one implementation per platform:
// DurableFile_unix.cpp (POSIX, with the data flush in DurableFlush_unix.cpp,
// or DurableFlush_mac.cpp where only F_FULLFSYNC reaches the disk) and
// DurableFile_win.cpp (Win32), picked by core/CMakeLists.txt. Used by the
// spool, the secrets file and the recipient history.
//
// "Owner-only" is mode 0700 for folders and 0600 for files on Unix. On
// Windows it is a protected DACL (nothing inherited) that grants the current
// user alone full access; a folder's entry is inherited by what is created in
// it, so the files of the recipient history are covered by their folder.
//
// Failures say which step failed and the system's own words; the callers
// turn that into a message for the person.
class DurableFile
{
public:
    // (Not CreateFile or DeleteFile: windows.h defines those as macros.)
    enum class Step
    {
        MakeFolder,     // a folder could not be made
        NotAFolder,     // the path exists but is not a folder
        RestrictFolder, // a folder could not be made owner-only
        OpenFolder,     // a folder could not be opened to sync it
        SyncFolder,     // a folder's list of names could not be flushed
        MakeFile,
        RestrictFile,
        WriteData,
        FlushData,
        CloseFile,
        Rename,
        Delete,
    };
    struct Error
    {
        Step step = Step::MakeFile;
        QString system; // the operating system's description
    };

    enum class FolderSync
    {
        Yes, // the rename itself survives a power cut
        No,  // the caller syncs the folder later, or a lost rename only repeats a step
    };

    // Replaces path with bytes atomically: a new owner-only temp file
    // (path.XXXXXXXX.tmp) in the same folder, its data flushed to the disk,
    // renamed over path; then, with FolderSync::Yes, the folder synced. The
    // data is flushed whatever folderSync says: a rename that reaches the disk
    // before the data would leave an empty file in place of the old one.
    static bool write(const QString& path, const QByteArray& bytes, FolderSync folderSync, Error* error);

    // Makes the folder's list of names durable after a rename, create or
    // delete. On Windows there is nothing to do (see DurableFile_win.cpp).
    static bool syncFolder(const QString& path, Error* error);

    // Creates the folder owner-only (missing parents as usual); an existing
    // folder that others may use is made owner-only. *restricted, if given,
    // says whether an existing folder had to be changed.
    static bool makePrivateFolder(const QString& path, Error* error, bool* restricted = nullptr);

    // Creates an empty owner-only file; an existing file is left as it is
    // (restrictFile() is for that).
    static bool createPrivateFile(const QString& path, Error* error);

    // Makes an existing file owner-only. *restricted, if given, says whether
    // it had to be changed. A missing file is not an error.
    static bool restrictFile(const QString& path, Error* error, bool* restricted = nullptr);

    // Deletes a file; a file that is already gone counts as deleted.
    static bool remove(const QString& path, Error* error);

    // Renames a file within one volume; an existing target is replaced.
    static bool rename(const QString& from, const QString& to, Error* error);

    // Test seam: told after each flush that succeeded, from the thread that
    // flushed (a file's data: the final path, not the temp file's; a folder:
    // its path). Set it before any file is written; nullptr removes it.
    enum class Flush
    {
        Data,
        Folder
    };
    using FlushObserver = void (*)(Flush what, const QString& path);
    static void setFlushObserver(FlushObserver observer);

private:
    static void flushed(Flush what, const QString& path);
    static QString tempPathFor(const QString& path);
};

} // namespace Spool
