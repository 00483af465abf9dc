#include "sync/NumberPusher.h"

#include "changes/NumberChangePayloads.h"
#include "changes/PayloadMembers.h"
#include "providers/restcomm/RestcommClient.h"
#include "providers/ringcentral/RingCentralClient.h"
#include "providers/telnyx/TelnyxClient.h"
#include "store/PhoneNumberRepository.h"

#include <QPointer>
#include <QTimer>
#include <memory>

using namespace Qt::StringLiterals;

namespace trunkline::sync {

using changes::NumberChangePayloads;

namespace {

using providers::ListOutcome;
using providers::Outcome;
using providers::restcomm::RestcommClient;
using providers::ringcentral::RingCentralClient;
using providers::telnyx::TelnyxClient;
using namespace pushResults;

// What NumberPusher::apply() was given for every change: the store, the profile, the API its client
// calls, the object that client lives under, and how long a lookup waits before it looks again.
struct PushSetting {
    store::Database& database;
    const store::Profile& profile;
    net::ApiClient* api;
    QObject* owner;
    std::chrono::milliseconds settleDelay;
};

// One change in hand with the provider client made for it (under the pusher's owner object, so that no
// answer arrives after the pusher is gone); it ends with exactly one Result, and the client goes with it.
template <class Client>
class ChangeInHand {
protected:
    ChangeInHand(const PushSetting& setting, Client* client, store::PendingChange change,
                 NumberPusher::Done done)
        : m_database(setting.database)
        , m_profileId(setting.profile.id)
        , m_client(client)
        , m_change(std::move(change))
        , m_settleDelay(setting.settleDelay)
        , m_done(std::move(done)) {}

    // A lookup for a create tried before that found nothing is made once more after the settle delay (the
    // create may land at the provider a moment later): schedules `again` and returns true, unless the
    // lookup was that second one (`settled`).
    bool lookAgainLater(bool settled, std::function<void()> again) {
        if (settled || !m_client)
            return false;
        QTimer::singleShot(m_settleDelay, m_client.data(), std::move(again));
        return true;
    }

    void end(const Result& result) {
        if (!m_done)
            return;
        const NumberPusher::Done done = std::move(m_done);
        m_done = nullptr;
        if (m_client)
            m_client->deleteLater();
        done(result);
    }

    store::Database& m_database;
    qint64 m_profileId;
    QPointer<Client> m_client;
    store::PendingChange m_change;

private:
    std::chrono::milliseconds m_settleDelay;
    NumberPusher::Done m_done;
};

// One Restcomm change in hand.
class RestcommChange : public ChangeInHand<RestcommClient>,
                       public std::enable_shared_from_this<RestcommChange> {
public:
    RestcommChange(const PushSetting& setting, store::PendingChange change, NumberPusher::Done done)
        : ChangeInHand(setting, new RestcommClient(setting.api, setting.profile.accountId, setting.owner),
                       std::move(change), std::move(done)) {}

    void start() {
        if (m_change.entity == NumberChangePayloads::kNumberMigration)
            return migrate();
        switch (m_change.operation) {
        case store::ChangeOperation::Create:
            return provision();
        case store::ChangeOperation::Update:
        case store::ChangeOperation::Delete:
            return checkThen();
        }
    }

private:
    // Restcomm's migrate sets the organisation of every number of the account tree: repeating it has the
    // same effect, so it needs no lookup before a retry. The next sync brings the numbers' new routing.
    void migrate() {
        auto self = shared_from_this();
        const QString account = m_change.entityKey;
        const QString organization =
            m_change.payload.value(NumberChangePayloads::kOrganizationSidKey).toString();
        m_client->migrateNumbers(
            account, organization, [self, account, organization](const std::optional<net::ApiError>& error) {
                if (!error)
                    return self->end(
                        applied(NumberPusher::tr("Moved the numbers of account %1 and of its sub-accounts "
                                                 "to organisation %2.")
                                    .arg(account, organization)));
                net::ApiError refused = *error;
                // Restcomm answers a caller that is not a super admin with an empty 403 (restcomm §7).
                if (refused.httpStatus == 403 && refused.detail.isEmpty())
                    refused.detail =
                        NumberPusher::tr("Only a super admin (an account without a parent account) may "
                                         "migrate numbers, and this profile's account is not one.");
                self->end(failed(refused));
            });
    }

    // What the messages call the number: its E.164 as stored, else the key.
    QString subject() const {
        const std::optional<core::PhoneNumberRecord> stored =
            store::PhoneNumberRepository(m_database).find(m_profileId, m_change.entityKey);
        return stored && !stored->e164.isEmpty() ? stored->e164 : m_change.entityKey;
    }

    bool store(core::PhoneNumberRecord number) {
        QString error;
        store::PhoneNumberRepository numbers(m_database);
        const std::optional<core::PhoneNumberRecord> stored = numbers.find(m_profileId, number.id);
        if (number.restcomm && stored && stored->restcomm)
            number.restcomm->keepApplicationNames(*stored->restcomm);
        if (numbers.upsert(m_profileId, {number}, &error))
            return true;
        end(failedLocally(error));
        return false;
    }

    // Ends with the provider's answer to a request that returns the number: failed, or stored and applied
    // with the summary made of the answered number.
    void storeAnswer(const Outcome<core::PhoneNumberRecord>& answer,
                     const std::function<QString(const core::PhoneNumberRecord&)>& summary) {
        if (answer.error)
            return end(failed(*answer.error));
        if (store(*answer.value))
            end(applied(summary(*answer.value)));
    }

    bool forget(const QString& id) {
        QString error;
        if (store::PhoneNumberRepository(m_database).remove(m_profileId, id, &error))
            return true;
        end(failedLocally(error));
        return false;
    }

    // Update and delete: GET the number, compare its version with the one the edit was made on.
    void checkThen() {
        auto self = shared_from_this();
        m_client->getIncomingNumber(
            m_change.entityKey,
            [self](const Outcome<core::PhoneNumberRecord>& remote) { self->onCurrent(remote); });
    }

    void onCurrent(const Outcome<core::PhoneNumberRecord>& remote) {
        const bool gone = remote.error && remote.error->kind == net::ApiError::Kind::NotFound;
        if (gone && m_change.operation == store::ChangeOperation::Delete) {
            // Released already (an earlier attempt whose answer was lost, or someone else): done.
            const QString what = subject();
            if (forget(m_change.entityKey))
                end(applied(NumberPusher::tr("Number %1 was already released at Restcomm.").arg(what)));
            return;
        }
        if (gone)
            return end(
                conflict(NumberPusher::tr("The number was released at Restcomm since you edited it.")));
        if (remote.error)
            return end(failed(*remote.error));
        store::PhoneNumberRepository numbers(m_database);
        if (m_change.operation == store::ChangeOperation::Update &&
            NumberChangePayloads::applyNumberFields(*remote.value, m_change.payload) == *remote.value) {
            // Already holds the change's values, whatever its version (an earlier attempt took effect and
            // the process died before recording it): applied, not a conflict.
            if (store(*remote.value))
                end(applied(
                    NumberPusher::tr("Number %1 already had the new values.").arg(remote.value->e164)));
            return;
        }
        if (numbers.versionOf(*remote.value) != m_change.baseVersion) {
            const std::optional<core::PhoneNumberRecord> local =
                numbers.find(m_profileId, m_change.entityKey);
            const QStringList fields =
                local ? NumberChangePayloads::numberDifferences(*local, *remote.value) : QStringList();
            // The local copy takes Restcomm's number, so that the admin resolves the conflict against
            // what Restcomm holds now (ChangeStager::conflictMerge).
            if (!store(*remote.value))
                return;
            return end(conflict(fields.isEmpty()
                                    ? NumberPusher::tr("changed at the provider since you edited it.")
                                    : NumberPusher::tr("changed at the provider since you edited it: %1.")
                                          .arg(fields.join(u", "_s))));
        }
        if (m_change.operation == store::ChangeOperation::Delete)
            return release(*remote.value);
        update(*remote.value);
    }

    void update(const core::PhoneNumberRecord& current) {
        const core::PhoneNumberRecord wanted =
            NumberChangePayloads::applyNumberFields(current, m_change.payload);
        if (wanted == current) {
            // Nothing left to do (an earlier attempt took effect): keep what Restcomm has.
            if (store(current))
                end(applied(NumberPusher::tr("Number %1 already had the new values.").arg(current.e164)));
            return;
        }
        auto self = shared_from_this();
        m_client->updateIncomingNumber(wanted, changes::PayloadMembers::paths(m_change.payload),
                                       [self](const Outcome<core::PhoneNumberRecord>& answer) {
                                           if (answer.error)
                                               return self->end(failed(*answer.error));
                                           self->verifyUpdate();
                                       });
    }

    // Restcomm's 200 is not yet an applied change: a field the form could not carry (a method cannot be
    // cleared) would otherwise be reported as applied and come back at the next sync. The number is read
    // again; the change is applied only when it holds every value that was reviewed.
    void verifyUpdate() {
        auto self = shared_from_this();
        m_client->getIncomingNumber(m_change.entityKey, [self](const Outcome<core::PhoneNumberRecord>& held) {
            if (held.error)
                return self->end(failed(*held.error)); // the next attempt compares before it sends
            if (!self->store(*held.value))
                return;
            const QJsonObject fields = NumberChangePayloads::numberFields(*held.value);
            const QStringList differing =
                changes::PayloadMembers::differingPaths(self->m_change.payload, fields);
            if (!differing.isEmpty())
                return self->end(notKept(differing));
            self->end(applied(NumberPusher::tr("Updated number %1 (%2).")
                                  .arg(held.value->e164, self->m_change.payload.keys().join(u", "_s)),
                              changes::PayloadMembers::membersOf(fields, self->m_change.payload)));
        });
    }

    void release(const core::PhoneNumberRecord& current) {
        auto self = shared_from_this();
        m_client->deleteIncomingNumber(current, [self, current](const std::optional<net::ApiError>& error) {
            if (error && error->kind != net::ApiError::Kind::NotFound)
                return self->end(failed(*error));
            if (self->forget(current.id))
                self->end(applied(NumberPusher::tr("Released number %1.").arg(current.e164)));
        });
    }

    void provision() {
        const providers::restcomm::ProvisionRequest request =
            NumberPusher::provisionRequest(m_change.payload);
        if (m_change.attempts == 0)
            return send(request);
        // Tried before: the answer may have been lost, or the process died while it was in hand.
        if (request.number.e164.isEmpty()) {
            // "Any number of area code 650" leaves nothing to look for: a second send could buy a second
            // number, so it is never re-sent automatically.
            return end(failedLocally(
                NumberPusher::tr(
                    "Restcomm may have provisioned a number in area code %1 on an earlier attempt "
                    "whose answer was lost; Trunkline cannot tell, so it does not send the request "
                    "again. Check the numbers after the next sync, then discard this change or "
                    "stage it again.")
                    .arg(request.areaCode)));
        }
        lookThenSend(request, false);
    }

    // `settled`: the second look, after the settle delay (a provision whose answer was lost may land a
    // moment later).
    void lookThenSend(const providers::restcomm::ProvisionRequest& request, bool settled) {
        auto self = shared_from_this();
        auto found = std::make_shared<std::optional<core::PhoneNumberRecord>>();
        const QString wanted = request.number.e164;
        m_client->listIncomingNumbers(
            [found, wanted](int, const QList<core::PhoneNumberRecord>& page) {
                for (const core::PhoneNumberRecord& number : page) {
                    if (number.e164 == wanted)
                        *found = number;
                }
            },
            [self, found, request, settled](const ListOutcome& outcome) {
                if (*found) {
                    if (self->store(**found))
                        self->end(applied(
                            NumberPusher::tr("Number %1 had already been provisioned.").arg((*found)->e164)));
                    return;
                }
                if (!outcome.complete) {
                    // Without the whole list it is unknown whether the number is there: do not send.
                    if (outcome.error)
                        return self->end(failed(*outcome.error));
                    return self->end(failedLocally(
                        NumberPusher::tr("Could not check whether number %1 is provisioned already.")
                            .arg(request.number.e164)));
                }
                if (self->lookAgainLater(settled, [self, request] { self->lookThenSend(request, true); }))
                    return;
                self->send(request);
            });
    }

    void send(const providers::restcomm::ProvisionRequest& request) {
        auto self = shared_from_this();
        // The client itself looks a lost answer up before re-sending (given numbers); what it cannot
        // settle ends as OutcomeUnknown, which fails the change (kept, with its message).
        m_client->provisionIncomingNumber(request, [self](const Outcome<core::PhoneNumberRecord>& answer) {
            self->storeAnswer(answer, [](const core::PhoneNumberRecord& provisioned) {
                return NumberPusher::tr("Provisioned number %1 (sid %2).")
                    .arg(provisioned.e164, provisioned.id);
            });
        });
    }
};

// A RingCentral number assigned to an extension or back to the company (v2 assignPhoneNumberV2): GET the
// number, conflict if its version is not the one the edit was made on (unless it already has the wanted
// owner), PATCH, then read it back; applied only when the provider holds the wanted owner. PATCH is
// idempotent, so a lost answer is simply retried.
class RingCentralAssignment : public ChangeInHand<RingCentralClient>,
                              public std::enable_shared_from_this<RingCentralAssignment> {
public:
    RingCentralAssignment(const PushSetting& setting, store::PendingChange change, NumberPusher::Done done)
        : ChangeInHand(setting, new RingCentralClient(setting.api, setting.owner), std::move(change),
                       std::move(done)) {}

    void start() {
        auto self = shared_from_this();
        m_client->getAccountPhoneNumber(
            m_change.entityKey, [self](const Outcome<core::PhoneNumberRecord>& held) {
                if (held.error && held.error->kind == net::ApiError::Kind::NotFound)
                    return self->end(conflict(
                        NumberPusher::tr("The number was removed at RingCentral since you edited it.")));
                if (held.error)
                    return self->end(failed(*held.error));
                const core::PhoneNumberRecord& current = *held.value;
                if (current.extensionId == self->wantedOwner())
                    return self->finish(current); // an earlier attempt (or someone else) already did it
                store::PhoneNumberRepository numbers(self->m_database);
                if (numbers.versionOf(current) != self->m_change.baseVersion) {
                    // Stored, so that the conflict is resolved against RingCentral's current owner.
                    QString error;
                    if (!numbers.upsert(self->m_profileId, {current}, &error))
                        return self->end(failedLocally(error));
                    return self->end(
                        conflict(NumberPusher::tr("Number %1 changed at RingCentral since you edited it.")
                                     .arg(current.e164)));
                }
                self->m_client->assignPhoneNumber(current.id, self->wantedOwner(),
                                                  [self](const std::optional<net::ApiError>& error) {
                                                      if (error)
                                                          return self->end(failed(*error));
                                                      self->readBack();
                                                  });
            });
    }

private:
    QString wantedOwner() const {
        return m_change.payload.value(NumberChangePayloads::kExtensionIdKey).toString();
    }

    void readBack() {
        auto self = shared_from_this();
        m_client->getAccountPhoneNumber(
            m_change.entityKey, [self](const Outcome<core::PhoneNumberRecord>& held) {
                if (held.error)
                    return self->end(failed(*held.error)); // the next attempt compares before it sends
                self->finish(*held.value);
            });
    }

    // Stores what RingCentral holds and ends: applied when it holds the wanted owner.
    void finish(const core::PhoneNumberRecord& held) {
        QString error;
        if (!store::PhoneNumberRepository(m_database).upsert(m_profileId, {held}, &error))
            return end(failedLocally(error));
        const QJsonObject fields = NumberChangePayloads::numberFields(held);
        const QStringList differing = changes::PayloadMembers::differingPaths(m_change.payload, fields);
        if (!differing.isEmpty())
            return end(notKept(differing));
        end(applied(held.extensionId.isEmpty()
                        ? NumberPusher::tr("Number %1 is now the company's.").arg(held.e164)
                        : NumberPusher::tr("Number %1 is now the direct number of extension %2.")
                              .arg(held.e164,
                                   held.extensionNumber.isEmpty() ? held.extensionId : held.extensionNumber),
                    changes::PayloadMembers::membersOf(fields, m_change.payload)));
    }
};

// A Telnyx number bought with a number order (POST /number_orders) for the number the admin picked from
// the search. The order carries a customer reference made from the change (its id and when it was staged),
// so that an order whose answer was lost is found among the account's orders: a change tried before is
// looked up first (twice, the provider given the settle delay between), and the client looks a lost
// answer up before it re-sends. A number is never bought twice. After the order the number is read from
// the account's numbers and stored, so the Numbers page shows it before the next sync.
class TelnyxNumberOrder : public ChangeInHand<TelnyxClient>,
                          public std::enable_shared_from_this<TelnyxNumberOrder> {
public:
    TelnyxNumberOrder(const PushSetting& setting, store::PendingChange change, NumberPusher::Done done)
        : ChangeInHand(setting, new TelnyxClient(setting.api, setting.owner), std::move(change),
                       std::move(done))
        , m_number(m_change.payload.value(NumberChangePayloads::kPhoneNumberKey).toString()) {}

    void start() {
        if (m_change.operation != store::ChangeOperation::Create)
            return end(failedLocally(NumberPusher::tr(
                "Telnyx numbers are changed and released in the Telnyx portal; discard this change.")));
        if (!m_number.startsWith(u'+'))
            return end(failedLocally(
                NumberPusher::tr("A Telnyx order needs a number picked from the search, not “%1”.")
                    .arg(m_number)));
        if (m_change.attempts == 0)
            return order();
        // Tried before: the answer may have been lost, or the process died while it was in hand.
        lookThenOrder(false);
    }

    // The reference the order is placed with: the same for every attempt of this change, and for no other.
    static QString customerReference(const store::PendingChange& change) {
        return u"trunkline-%1-%2"_s.arg(change.id).arg(change.createdAt.toSecsSinceEpoch());
    }

private:
    void lookThenOrder(bool settled) {
        auto self = shared_from_this();
        m_client->findNumberOrder(
            m_number, customerReference(m_change),
            [self, settled](const std::optional<providers::telnyx::NumberOrder>& found,
                            const std::optional<net::ApiError>& error) {
                if (error)
                    return self->end(failed(*error)); // unknown whether it was bought: do not order
                if (found)
                    return self->readBack(*found, true);
                if (self->lookAgainLater(settled, [self] { self->lookThenOrder(true); }))
                    return;
                self->order();
            });
    }

    void order() {
        auto self = shared_from_this();
        m_client->orderNumber(m_number, customerReference(m_change),
                              [self](const Outcome<providers::telnyx::NumberOrder>& answer) {
                                  if (answer.error)
                                      return self->end(failed(*answer.error));
                                  self->readBack(*answer.value, false);
                              });
    }

    // The account's record of the ordered number, stored; without it (the order is still being completed)
    // the change is applied all the same: the order is placed and the next sync brings the number.
    void readBack(const providers::telnyx::NumberOrder& order, bool earlier) {
        if (order.status == u"failure")
            return end(failedLocally(
                NumberPusher::tr(
                    "Telnyx could not complete order %1 for number %2; see the order in the Telnyx "
                    "portal, then discard this change or stage the number again.")
                    .arg(order.id, m_number)));
        auto self = shared_from_this();
        m_client->findPhoneNumber(
            m_number, [self, order, earlier](const std::optional<core::PhoneNumberRecord>& held,
                                             const std::optional<net::ApiError>&) {
                const QString summary =
                    earlier ? NumberPusher::tr("Number %1 had already been ordered at Telnyx (order %2).")
                                  .arg(self->m_number, order.id)
                            : NumberPusher::tr("Ordered number %1 at Telnyx (order %2).")
                                  .arg(self->m_number, order.id);
                if (!held)
                    return self->end(applied(
                        summary + u' ' +
                        NumberPusher::tr("Telnyx is still completing it; the next sync shows the number.")));
                QString storeError;
                if (!store::PhoneNumberRepository(self->m_database)
                         .upsert(self->m_profileId, {*held}, &storeError))
                    return self->end(failedLocally(storeError));
                self->end(applied(summary));
            });
    }

    QString m_number;
};

// Why RingCentral (or Telnyx) cannot take the change; one sentence naming the provider and the reason.
QString unsupportedReason(const store::Profile& profile, const store::PendingChange& change) {
    if (profile.provider == core::kProviderRingCentral) {
        switch (change.operation) {
        case store::ChangeOperation::Create:
            return NumberPusher::tr("RingCentral numbers cannot be ordered through its API; order the number "
                                    "in the RingCentral admin portal, then sync.");
        case store::ChangeOperation::Delete:
            return NumberPusher::tr("RingCentral numbers cannot be released through this API (only inventory "
                                    "and forwarded numbers can be deleted there); release the number in the "
                                    "RingCentral admin portal and discard this change.");
        case store::ChangeOperation::Update:
            if (change.payload.contains(u"label"_s))
                return NumberPusher::tr(
                    "RingCentral's API cannot change a phone number's label (it is read-only "
                    "in CompanyPhoneNumberInfo); change it in the RingCentral admin portal "
                    "and discard this change.");
            return NumberPusher::tr(
                       "RingCentral numbers cannot be changed (%1) through the API Trunkline "
                       "uses; change them in the RingCentral admin portal and discard this change.")
                .arg(change.payload.keys().join(u", "_s));
        }
    }
    return NumberPusher::tr("Phone numbers of %1 profiles cannot be changed by Trunkline.")
        .arg(profile.provider);
}

} // namespace

void NumberPusher::apply(store::Database& database, const store::Profile& profile, net::ApiClient* api,
                         QObject* owner, const store::PendingChange& change,
                         std::chrono::milliseconds settleDelay, Done done) {
    const PushSetting setting{database, profile, api, owner, settleDelay};
    // RingCentral's API moves a number between extensions and the company, nothing more (its label is
    // read-only, and it has no purchase or release of this kind).
    if (profile.provider == core::kProviderRingCentral &&
        change.operation == store::ChangeOperation::Update &&
        change.payload.keys() == QStringList{NumberChangePayloads::kExtensionIdKey})
        return std::make_shared<RingCentralAssignment>(setting, change, std::move(done))->start();
    if (profile.provider == core::kProviderTelnyx && change.entity == NumberChangePayloads::kPhoneNumber)
        return std::make_shared<TelnyxNumberOrder>(setting, change, std::move(done))->start();
    if (profile.provider != core::kProviderRestcomm)
        return done(failedLocally(unsupportedReason(profile, change)));
    if (profile.accountId.isEmpty())
        return done(failedLocally(tr("Profile %1 names no Restcomm Account SID.").arg(profile.name)));
    std::make_shared<RestcommChange>(setting, change, std::move(done))->start();
}

providers::restcomm::ProvisionRequest NumberPusher::provisionRequest(const QJsonObject& payload) {
    providers::restcomm::ProvisionRequest request;
    request.number.provider = core::kProviderRestcomm.toString();
    request.number.e164 = payload.value(NumberChangePayloads::kPhoneNumberKey).toString();
    request.number.label = payload.value(NumberChangePayloads::kFriendlyNameKey).toString();
    request.areaCode = payload.value(NumberChangePayloads::kAreaCodeKey).toString();
    request.numberType = payload.value(NumberChangePayloads::kNumberTypeKey).toString();
    core::RestcommAttributes attributes;
    attributes.pureSip = payload.value(NumberChangePayloads::kIsSipKey).toBool();
    request.number.restcomm = attributes;
    return request;
}

} // namespace trunkline::sync
