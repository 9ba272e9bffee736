#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Smime {

class Identity;

// The account's "sign" setting.
enum class SignMode
{
    Always,
    External,
    Never
};

struct SigningDecision
{
    enum class Action
    {
        Sign,
        DontSign,
        Refuse, // do not send: the message should be signed but cannot be
    };
    Action action = Action::DontSign;
    QString
        reason; // translated; for Refuse a sentence the sender can act on, for DontSign a note for the log
};

// Whether to sign one message: the seam between settings/review and the Signer.
class SigningPolicy
{
    Q_DECLARE_TR_FUNCTIONS(Smime::SigningPolicy)

public:
    // identity: the account's certificate, or nullptr when none is set up.
    static SigningDecision decide(SignMode mode, bool hasExternalRecipient, const QString& fromAddress,
                                  const Identity* identity, bool alreadyProtected,
                                  const QDateTime& now = QDateTime::currentDateTimeUtc());

    // "always" | "external" | "never" (the settings key "sign"); false for anything else.
    static bool modeFromString(const QString& text, SignMode* mode);
    static QString modeName(SignMode mode);
};

} // namespace Smime
