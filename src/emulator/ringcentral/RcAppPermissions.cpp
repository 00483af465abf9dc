#include "emulator/ringcentral/RcAppPermissions.h"

using namespace Qt::StringLiterals;

namespace trunkline::emulator::ringcentral {

namespace {
const QStringList kChain{u"ReadAccounts"_s, u"EditExtensions"_s, u"EditAccounts"_s, u"Accounts"_s};
} // namespace

bool RcAppPermissions::grants(const QStringList& granted, const QString& needed) {
    if (granted.contains(needed))
        return true;
    const qsizetype level = kChain.indexOf(needed);
    if (level < 0)
        return false;
    for (qsizetype higher = level + 1; higher < kChain.size(); ++higher) {
        if (granted.contains(kChain[higher]))
            return true;
    }
    return false;
}

QString RcAppPermissions::required(const QByteArray& method, const QStringList& s) {
    if (method == "GET")
        return u"ReadAccounts"_s;
    const auto n = s.size();
    // PATCH /v2/accounts/{id}/phone-numbers/{id}: assignPhoneNumberV2.
    const bool assignsNumber = n == 5 && s[0] == u"v2" && s[3] == u"phone-numbers";
    // POST /v1.0/account/{id}/extension and DELETE /v1.0/account/{id}/extension/{id}.
    const bool addsOrRemovesExtension = n >= 4 && s[0] == u"v1.0" && s[3] == u"extension" &&
                                        ((n == 4 && method == "POST") || (n == 5 && method == "DELETE"));
    return assignsNumber || addsOrRemovesExtension ? u"EditAccounts"_s : u"EditExtensions"_s;
}

} // namespace trunkline::emulator::ringcentral
