#include "spool/DurableFile.h"

#include <QDir>
#include <QFileInfo>
#include <aclapi.h>
#include <algorithm>
#include <string>
#include <vector>
#include <windows.h>

// Win32. Owner-only is a protected DACL with one entry, full access for the
// user this process runs as; the mode bits of Unix have no meaning here.
//
// Folders are never "synced": NTFS records changes to a folder's names in
// its journal, MoveFileExW with MOVEFILE_WRITE_THROUGH returns only once the
// rename is on the disk, and Win32 has no call that flushes one folder
// (FlushFileBuffers takes a file, or a whole volume opened by an
// administrator). SQLite and PostgreSQL skip the folder sync on Windows for
// the same reason. A delete that a power cut undoes only brings back a file
// that Spool::load() knows how to treat (an orphan, or a sent message).

namespace Spool {

namespace {

std::wstring nativePath(const QString& path)
{
    return QDir::toNativeSeparators(path).toStdWString();
}

QString systemMessage(DWORD code)
{
    wchar_t* buffer = nullptr;
    const DWORD n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS |
                                       FORMAT_MESSAGE_ALLOCATE_BUFFER,
                                   nullptr, code, 0, reinterpret_cast<LPWSTR>(&buffer), 0, nullptr);
    QString text = n > 0 ? QString::fromWCharArray(buffer, int(n)).trimmed()
                         : QStringLiteral("Windows error %1").arg(code);
    if (buffer)
        LocalFree(buffer);
    return text;
}

bool fail(DurableFile::Error* error, DurableFile::Step step, DWORD code)
{
    if (error) {
        error->step = step;
        error->system = systemMessage(code);
    }
    return false;
}

// The security descriptor of an owner-only file or folder: a protected DACL
// (nothing inherited from the parent) with one entry for the current user.
// For a folder the entry is inherited by everything created inside it.
class OwnerOnly
{
public:
    explicit OwnerOnly(bool folder)
    {
        HANDLE token = nullptr;
        if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) {
            m_error = GetLastError();
            return;
        }
        DWORD size = 0;
        GetTokenInformation(token, TokenUser, nullptr, 0, &size);
        m_user.resize(std::max<DWORD>(size, sizeof(TOKEN_USER)));
        const bool gotUser =
            GetTokenInformation(token, TokenUser, m_user.data(), DWORD(m_user.size()), &size);
        m_error = gotUser ? 0 : GetLastError();
        CloseHandle(token);
        if (!gotUser)
            return;
        const PSID sid = user();
        const DWORD aclSize = sizeof(ACL) + sizeof(ACCESS_ALLOWED_ACE) - sizeof(DWORD) + GetLengthSid(sid);
        m_acl.resize(aclSize);
        const DWORD inherit = folder ? (OBJECT_INHERIT_ACE | CONTAINER_INHERIT_ACE) : 0;
        if (!InitializeAcl(acl(), aclSize, ACL_REVISION) ||
            !AddAccessAllowedAceEx(acl(), ACL_REVISION, inherit, FILE_ALL_ACCESS, sid) ||
            !InitializeSecurityDescriptor(&m_descriptor, SECURITY_DESCRIPTOR_REVISION) ||
            !SetSecurityDescriptorDacl(&m_descriptor, TRUE, acl(), FALSE) ||
            !SetSecurityDescriptorControl(&m_descriptor, SE_DACL_PROTECTED, SE_DACL_PROTECTED)) {
            m_error = GetLastError();
            return;
        }
        m_attributes.nLength = sizeof(m_attributes);
        m_attributes.lpSecurityDescriptor = &m_descriptor;
        m_attributes.bInheritHandle = FALSE;
    }
    OwnerOnly(const OwnerOnly&) = delete;
    OwnerOnly& operator=(const OwnerOnly&) = delete;

    DWORD error() const { return m_error; }
    PSID user() { return reinterpret_cast<TOKEN_USER*>(m_user.data())->User.Sid; }
    PACL acl() { return reinterpret_cast<PACL>(m_acl.data()); }
    SECURITY_ATTRIBUTES* attributes() { return &m_attributes; }

    // True when path's DACL is protected and allows no one but the current user.
    bool covers(const std::wstring& path, DWORD* code)
    {
        PACL dacl = nullptr;
        PSECURITY_DESCRIPTOR descriptor = nullptr;
        *code = GetNamedSecurityInfoW(path.c_str(), SE_FILE_OBJECT, DACL_SECURITY_INFORMATION, nullptr,
                                      nullptr, &dacl, nullptr, &descriptor);
        if (*code != ERROR_SUCCESS)
            return false;
        SECURITY_DESCRIPTOR_CONTROL control = 0;
        DWORD revision = 0;
        // A missing DACL lets everyone in.
        bool ownerOnly = GetSecurityDescriptorControl(descriptor, &control, &revision) &&
                         (control & SE_DACL_PROTECTED) && dacl && dacl->AceCount > 0;
        for (WORD i = 0; ownerOnly && i < dacl->AceCount; ++i) {
            void* ace = nullptr;
            if (!GetAce(dacl, i, &ace)) {
                ownerOnly = false;
                break;
            }
            const auto* header = static_cast<ACE_HEADER*>(ace);
            if (header->AceType == ACCESS_DENIED_ACE_TYPE)
                continue;
            ownerOnly = header->AceType == ACCESS_ALLOWED_ACE_TYPE &&
                        EqualSid(&static_cast<ACCESS_ALLOWED_ACE*>(ace)->SidStart, user());
        }
        LocalFree(descriptor);
        return ownerOnly;
    }

    // Replaces path's DACL with the owner-only one. For a folder, Windows
    // hands the inheritable entry on to what is already inside.
    DWORD apply(const std::wstring& path)
    {
        std::wstring name = path; // the API takes a non-const string
        return SetNamedSecurityInfoW(name.data(), SE_FILE_OBJECT,
                                     DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION, nullptr,
                                     nullptr, acl(), nullptr);
    }

private:
    std::vector<BYTE> m_user; // TOKEN_USER
    std::vector<BYTE> m_acl;
    SECURITY_DESCRIPTOR m_descriptor = {};
    SECURITY_ATTRIBUTES m_attributes = {};
    DWORD m_error = 0;
};

// Virus scanners and the search indexer open new files for a moment, and
// a rename over a file they hold fails; a few short retries ride that out.
bool moveReplacing(const std::wstring& from, const std::wstring& to, DWORD* code)
{
    for (int attempt = 0;; ++attempt) {
        if (MoveFileExW(from.c_str(), to.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
            return true;
        *code = GetLastError();
        if ((*code != ERROR_SHARING_VIOLATION && *code != ERROR_ACCESS_DENIED) || attempt == 9)
            return false;
        Sleep(DWORD(10 * (attempt + 1)));
    }
}

bool isFolder(const std::wstring& path, DWORD* code)
{
    const DWORD attributes = GetFileAttributesW(path.c_str());
    if (attributes == INVALID_FILE_ATTRIBUTES) {
        *code = GetLastError();
        return false;
    }
    *code = ERROR_DIRECTORY;
    return (attributes & FILE_ATTRIBUTE_DIRECTORY) != 0;
}

} // namespace

bool DurableFile::write(const QString& path, const QByteArray& bytes, FolderSync folderSync, Error* error)
{
    const std::wstring target = nativePath(path);
    const std::wstring tmp = nativePath(tempPathFor(path));
    OwnerOnly security(false);
    if (security.error() != 0)
        return fail(error, Step::RestrictFile, security.error());
    const HANDLE file = CreateFileW(tmp.c_str(), GENERIC_WRITE, 0, security.attributes(), CREATE_NEW,
                                    FILE_ATTRIBUTE_NORMAL, nullptr);
    if (file == INVALID_HANDLE_VALUE)
        return fail(error, Step::MakeFile, GetLastError());
    auto failAndClean = [&](Step step, DWORD code) {
        DeleteFileW(tmp.c_str());
        return fail(error, step, code);
    };
    const char* p = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        DWORD written = 0;
        if (!WriteFile(file, p, DWORD(std::min<qsizetype>(left, 1 << 30)), &written, nullptr)) {
            const DWORD code = GetLastError();
            CloseHandle(file);
            return failAndClean(Step::WriteData, code);
        }
        p += written;
        left -= written;
    }
    // Writes the data and the file's metadata (its size) through the drive's cache.
    if (!FlushFileBuffers(file)) {
        const DWORD code = GetLastError();
        CloseHandle(file);
        return failAndClean(Step::FlushData, code);
    }
    flushed(Flush::Data, path);
    if (!CloseHandle(file))
        return failAndClean(Step::CloseFile, GetLastError());
    DWORD code = 0;
    if (!moveReplacing(tmp, target, &code))
        return failAndClean(Step::Rename, code);
    return folderSync == FolderSync::No || syncFolder(QFileInfo(path).absolutePath(), error);
}

bool DurableFile::syncFolder(const QString& path, Error*)
{
    // Nothing to do on Windows: see the top of this file.
    flushed(Flush::Folder, path);
    return true;
}

bool DurableFile::makePrivateFolder(const QString& path, Error* error, bool* restricted)
{
    if (restricted)
        *restricted = false;
    const QString parent = QFileInfo(path).absolutePath();
    if (!QFileInfo::exists(parent) && !QDir().mkpath(parent))
        return fail(error, Step::MakeFolder, ERROR_PATH_NOT_FOUND);
    const std::wstring folder = nativePath(path);
    OwnerOnly security(true);
    if (security.error() != 0)
        return fail(error, Step::RestrictFolder, security.error());
    if (CreateDirectoryW(folder.c_str(), security.attributes()))
        return true;
    DWORD code = GetLastError();
    if (code != ERROR_ALREADY_EXISTS)
        return fail(error, Step::MakeFolder, code);
    if (!isFolder(folder, &code))
        return fail(error, Step::NotAFolder, code);
    if (security.covers(folder, &code))
        return true;
    code = security.apply(folder);
    if (code != ERROR_SUCCESS)
        return fail(error, Step::RestrictFolder, code);
    if (restricted)
        *restricted = true;
    return true;
}

bool DurableFile::createPrivateFile(const QString& path, Error* error)
{
    OwnerOnly security(false);
    if (security.error() != 0)
        return fail(error, Step::RestrictFile, security.error());
    const HANDLE file = CreateFileW(nativePath(path).c_str(), GENERIC_WRITE, 0, security.attributes(),
                                    CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (file == INVALID_HANDLE_VALUE) {
        const DWORD code = GetLastError();
        return code == ERROR_FILE_EXISTS || fail(error, Step::MakeFile, code);
    }
    CloseHandle(file);
    return true;
}

bool DurableFile::restrictFile(const QString& path, Error* error, bool* restricted)
{
    if (restricted)
        *restricted = false;
    const std::wstring file = nativePath(path);
    if (GetFileAttributesW(file.c_str()) == INVALID_FILE_ATTRIBUTES) {
        const DWORD code = GetLastError();
        return code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND ||
               fail(error, Step::RestrictFile, code);
    }
    OwnerOnly security(false);
    if (security.error() != 0)
        return fail(error, Step::RestrictFile, security.error());
    DWORD code = 0;
    if (security.covers(file, &code))
        return true;
    code = security.apply(file);
    if (code != ERROR_SUCCESS)
        return fail(error, Step::RestrictFile, code);
    if (restricted)
        *restricted = true;
    return true;
}

bool DurableFile::remove(const QString& path, Error* error)
{
    if (DeleteFileW(nativePath(path).c_str()))
        return true;
    const DWORD code = GetLastError();
    return code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND || fail(error, Step::Delete, code);
}

bool DurableFile::rename(const QString& from, const QString& to, Error* error)
{
    DWORD code = 0;
    return moveReplacing(nativePath(from), nativePath(to), &code) || fail(error, Step::Rename, code);
}

} // namespace Spool
