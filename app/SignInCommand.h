#pragma once

#include <QStringList>

// `yubisashi sign-in ACCOUNT [--no-browser] [--device-code] [--config FILE]`:
// signs the account (auth=xoauth2) in with Microsoft or Google and stores the
// refresh token in the secret store, where a running Yubisashi picks it up at
// its next delivery attempt. args are the arguments after the word "sign-in".
// Exit status: 0 signed in, 1 sign-in failed or cancelled, 3 usage or settings error.
int runSignIn(const QStringList& args);
