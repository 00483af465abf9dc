#include "net/ApiError.h"

#include <algorithm>
#include <iterator>

namespace trunkline::net {

namespace {

// What each kind of failure tells the admin: the reason, naming the provider (%1) and what was asked of
// it (%2), and what to do about it. Both are translated in ApiError's context.
struct KindTexts {
    ApiError::Kind kind;
    const char* reason;
    const char* advice;
};

constexpr KindTexts kKindTexts[] = {
    {ApiError::Kind::Network, QT_TRANSLATE_NOOP("ApiError", "%1 could not be reached for %2"),
     QT_TRANSLATE_NOOP("ApiError", "Check the connection and sync again; nothing was lost.")},
    {ApiError::Kind::Timeout, QT_TRANSLATE_NOOP("ApiError", "%1 did not answer in time for %2"),
     QT_TRANSLATE_NOOP("ApiError", "Check the connection and sync again; nothing was lost.")},
    {ApiError::Kind::Tls, QT_TRANSLATE_NOOP("ApiError", "the secure connection to %1 was refused for %2"),
     QT_TRANSLATE_NOOP("ApiError",
                       "Check the profile's address; Trunkline never connects without a valid certificate.")},
    {ApiError::Kind::Unauthorized, QT_TRANSLATE_NOOP("ApiError", "%1 did not accept the credentials for %2"),
     QT_TRANSLATE_NOOP("ApiError", "Enter the profile's credentials again.")},
    {ApiError::Kind::Forbidden, QT_TRANSLATE_NOOP("ApiError", "%1 does not allow this profile to change %2"),
     QT_TRANSLATE_NOOP("ApiError",
                       "Ask an administrator of the account to make the change or to grant the permission.")},
    {ApiError::Kind::NotFound, QT_TRANSLATE_NOOP("ApiError", "%1 no longer has %2"),
     QT_TRANSLATE_NOOP("ApiError", "Sync again to refresh the local copy.")},
    {ApiError::Kind::Invalid, QT_TRANSLATE_NOOP("ApiError", "%1 rejected %2"),
     QT_TRANSLATE_NOOP("ApiError", "Correct the value and apply the change again.")},
    {ApiError::Kind::RateLimited, QT_TRANSLATE_NOOP("ApiError", "%1 is limiting the request rate for %2"),
     QT_TRANSLATE_NOOP("ApiError", "Wait a minute and sync again.")},
    {ApiError::Kind::Server, QT_TRANSLATE_NOOP("ApiError", "%1 had an internal error with %2"),
     QT_TRANSLATE_NOOP("ApiError", "Check the connection and sync again; nothing was lost.")},
    {ApiError::Kind::Protocol, QT_TRANSLATE_NOOP("ApiError", "%1 sent an unreadable answer for %2"),
     QT_TRANSLATE_NOOP("ApiError", "Sync again; if it persists, report it.")},
    {ApiError::Kind::OutcomeUnknown,
     QT_TRANSLATE_NOOP("ApiError",
                       "the answer from %1 for %2 was lost, so it is not known whether it took effect"),
     QT_TRANSLATE_NOOP("ApiError", "Sync to see whether it was applied before trying again.")},
};

const KindTexts* textsOf(ApiError::Kind kind) {
    const auto* found = std::ranges::find(kKindTexts, kind, &KindTexts::kind);
    return found != std::end(kKindTexts) ? found : nullptr;
}

} // namespace

QString ApiError::message() const {
    const QString what = subject.isEmpty() ? tr("the request") : subject;
    // A cancellation is the caller's own doing: it names only what was cancelled, and needs no advice.
    QString reason;
    if (kind == Kind::Cancelled) {
        reason = tr("%1 was cancelled").arg(what);
    } else if (const KindTexts* texts = textsOf(kind)) {
        reason = tr(texts->reason).arg(provider, what);
    }
    QString text = reason;
    if (!detail.isEmpty())
        text += QStringLiteral(": ") + detail;
    if (!providerCode.isEmpty())
        text += QStringLiteral(" (") + providerCode + QLatin1Char(')');
    text += QStringLiteral(". ") + advice();
    // Sentence case for the start of the message.
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

QString ApiError::advice() const {
    const KindTexts* texts = textsOf(kind);
    return texts ? tr(texts->advice) : QString();
}

bool ApiError::isTransient() const {
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::RateLimited:
    case Kind::Server:
    case Kind::Protocol:
        return true;
    default:
        return false;
    }
}

} // namespace trunkline::net
