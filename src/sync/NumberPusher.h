#pragma once

#include "providers/restcomm/RestcommMapper.h"
#include "store/PendingChange.h"
#include "store/Profile.h"
#include "sync/PushResult.h"
#include "sync/SyncForward.h"

#include <QCoreApplication>
#include <chrono>
#include <functional>
#include <optional>

namespace trunkline::sync {

// Applies one pending phone-number change (changes::NumberChangePayloads, entity "phone_number") for the
// profile's provider. The ChangePusher owns the change's state and the audit log; it gets one Result per
// change.
//
// Restcomm: update = GET the number, conflict if its version is not the one the edit was made on, else
//   PUT every updatable field (the remote record with the payload applied) and store the answer;
//   provision (create) = POST; a retry of a provision that may have taken effect is first looked up in the
//   account's list and never sent twice (an area-code provision cannot be looked up: it stays failed);
//   delete = GET + conflict check, then release;
//   migration (entity "number_migration") = the account tree's numbers to another organisation.
// RingCentral: an update that only assigns the number (extensionId: an extension, or "" for the company)
//   goes through v2's assignPhoneNumberV2 with a conflict check and a read-back; its API offers no call
//   that sets a number's label, orders or releases one, so every other change fails with a message saying so.
// Telnyx: provision (create) = a number order for the number picked from the search, with a customer
//   reference made from the change, so that a lost answer is looked up among the orders and the number is
//   never bought twice; the bought number is read back from the account's numbers and stored. Updates
//   and releases fail with a message saying they are made in the Telnyx portal.
class NumberPusher {
    Q_DECLARE_TR_FUNCTIONS(NumberPusher)

public:
    using Result = PushResult;
    using Done = std::function<void(const Result&)>;

    // `api` is the profile's connection; profile.accountId must be the Restcomm AccountSid for Restcomm.
    // The provider client made for the change lives under `owner`: `done` is called exactly once while
    // `owner` lives (possibly before apply() returns, for a change that cannot be applied). A provision
    // tried before that a lookup does not find is looked up once more after `settleDelay`, then sent.
    static void apply(store::Database& database, const store::Profile& profile, net::ApiClient* api,
                      QObject* owner, const store::PendingChange& change,
                      std::chrono::milliseconds settleDelay, Done done);

    // The Restcomm request a provision payload (changes::NumberChangePayloads::provisionFields) stands
    // for: the provider's side of the format stays here, so src/changes knows no provider client.
    static providers::restcomm::ProvisionRequest provisionRequest(const QJsonObject& payload);
};

} // namespace trunkline::sync
