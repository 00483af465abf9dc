#include "emulator/restcomm/RestcommApi.h"
#include "emulator/restcomm/RestcommWire.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::restcomm {

EmulatorResponse RestcommMigrationApi::migrate(RestcommState& state, const RestcommCall& call) {
    if (!call.caller->parentSid.isEmpty())
        return empty(403); // super admins only
    const RestcommAccount* target = state.findAccount(call.accountRef);
    if (!target)
        return plain(404, tr("Account not found"));
    if (target->parentSid.isEmpty())
        return plain(
            400, tr("Super Admin account numbers can not be migrated. Please provide a valid account sid"));
    RestcommForm::Params params;
    if (auto error = RestcommForm::read(*call.request, &params))
        return *error;
    bool present = false;
    const QString organization = RestcommForm::param(params, u"OrganizationSid"_s, &present);
    if (!present)
        return plain(400, tr("OrganizationSid cannot be null"));
    if (!isSid(organization))
        return plain(400, tr("OrganizationSid is not valid"));
    if (!state.data.organizations.contains(organization))
        return plain(404, tr("Destination organization not found"));
    // The target and every descendant account move to the organisation; sids and uris stay.
    QSet<QString> tree{target->sid};
    bool grew = true;
    while (grew) {
        grew = false;
        for (const RestcommAccount& a : state.data.accounts)
            if (tree.contains(a.parentSid) && !tree.contains(a.sid))
                grew = tree.insert(a.sid) != tree.end();
    }
    for (RestcommAccount& a : state.data.accounts)
        if (tree.contains(a.sid))
            a.organizationSid = organization;
    for (IncomingNumber& n : state.data.numbers)
        if (tree.contains(n.accountSid()))
            n.organizationSid = organization;
    return empty(200);
}

} // namespace trunkline::emulator::restcomm
