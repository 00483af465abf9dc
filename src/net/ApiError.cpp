#include "net/ApiError.h"

namespace trunkline::net {

QString ApiError::message() const {
    const QString what = subject.isEmpty() ? tr("the request") : subject;
    QString reason;
    switch (kind) {
    case Kind::Network:
        reason = tr("%1 could not be reached for %2").arg(provider, what);
        break;
    case Kind::Timeout:
        reason = tr("%1 did not answer in time for %2").arg(provider, what);
        break;
    case Kind::Tls:
        reason = tr("the secure connection to %1 was refused for %2").arg(provider, what);
        break;
    case Kind::Unauthorized:
        reason = tr("%1 did not accept the credentials for %2").arg(provider, what);
        break;
    case Kind::Forbidden:
        reason = tr("%1 does not allow this profile to change %2").arg(provider, what);
        break;
    case Kind::NotFound:
        reason = tr("%1 no longer has %2").arg(provider, what);
        break;
    case Kind::Invalid:
        reason = tr("%1 rejected %2").arg(provider, what);
        break;
    case Kind::RateLimited:
        reason = tr("%1 is limiting the request rate for %2").arg(provider, what);
        break;
    case Kind::Server:
        reason = tr("%1 had an internal error with %2").arg(provider, what);
        break;
    case Kind::Protocol:
        reason = tr("%1 sent an unreadable answer for %2").arg(provider, what);
        break;
    case Kind::OutcomeUnknown:
        reason = tr("the answer from %1 for %2 was lost, so it is not known whether it took effect")
                     .arg(provider, what);
        break;
    case Kind::Cancelled:
        reason = tr("%1 was cancelled").arg(what);
        break;
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
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Server:
        return tr("Check the connection and sync again; nothing was lost.");
    case Kind::Tls:
        return tr("Check the profile's address; Trunkline never connects without a valid certificate.");
    case Kind::Unauthorized:
        return tr("Enter the profile's credentials again.");
    case Kind::Forbidden:
        return tr("Ask an administrator of the account to make the change or to grant the permission.");
    case Kind::NotFound:
        return tr("Sync again to refresh the local copy.");
    case Kind::Invalid:
        return tr("Correct the value and apply the change again.");
    case Kind::RateLimited:
        return tr("Wait a minute and sync again.");
    case Kind::Protocol:
        return tr("Sync again; if it persists, report it.");
    case Kind::OutcomeUnknown:
        return tr("Sync to see whether it was applied before trying again.");
    case Kind::Cancelled:
        return {};
    }
    return {};
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
