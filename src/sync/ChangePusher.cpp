#include "sync/ChangePusher.h"

#include "changes/ChangePayloads.h"
#include "changes/NumberChangePayloads.h"
#include "changes/PayloadMembers.h"
#include "changes/SettingsPayloads.h"
#include "providers/ringcentral/RingCentralClient.h"
#include "store/AuditLogRepository.h"
#include "store/ExtensionRepository.h"
#include "store/ForwardingNumberRepository.h"
#include "store/PendingChangeRepository.h"
#include "store/Transaction.h"
#include "sync/NumberPusher.h"
#include "sync/SettingsPusher.h"

#include <QPointer>
#include <QTimer>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace trunkline::sync {

using changes::ChangePayloads;
using changes::NumberChangePayloads;
using changes::SettingsPayloads;

namespace {
using providers::ListOutcome;
using providers::Outcome;

// When a change that failed transiently is due again: 2, 4, 8 ... seconds, at most 15 minutes.
QDateTime retryTime(const store::PendingChange& change) {
    const int exponent = std::clamp(change.attempts, 0, 9);
    return QDateTime::currentDateTimeUtc().addSecs(std::min<qint64>(qint64(2) << exponent, 15 * 60));
}

// Whether `extension`, found with the number of the create `wanted`, is the one that create made: the
// number alone could be someone else's extension made meanwhile, so the email, the name or the contact's
// name must match too (whichever the create carries; with none of them the number has to do).
bool isTheCreated(const core::Extension& extension, const core::Extension& wanted) {
    const core::ExtensionContact& a = extension.contact;
    const core::ExtensionContact& b = wanted.contact;
    const bool byEmail = !b.email.isEmpty();
    const bool byName = !wanted.name.isEmpty();
    const bool byContact = !b.firstName.isEmpty() || !b.lastName.isEmpty();
    if (!byEmail && !byName && !byContact)
        return true;
    return (byEmail && a.email.compare(b.email, Qt::CaseInsensitive) == 0) ||
           (byName && extension.name == wanted.name) ||
           (byContact && a.firstName == b.firstName && a.lastName == b.lastName);
}

} // namespace

ChangePusher::ChangePusher(store::Database& database, store::Profile profile,
                           providers::ringcentral::RingCentralClient& client, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_claims(database)
    , m_profile(std::move(profile))
    , m_client(client) {
}

void ChangePusher::start(std::optional<qint64> onlyChangeId, bool ignoreBackoff) {
    store::PendingChangeRepository changes(m_database);
    QString error;
    // A change still `applying` is another applier's (GUI, CLI, another admin) while its lease holds: it
    // is left alone and named in the report. One whose lease lapsed was abandoned; due() lists it and the
    // claim recovers it, counting an attempt, so it is checked at the provider before anything is sent.
    // An applier of this host that was killed is known dead at once, not only when its lease lapses.
    m_report.recovered = m_claims.releaseDeadAppliers(m_profile.id, &error);
    if (!error.isEmpty())
        m_report.errors << error;
    error.clear();
    if (!onlyChangeId) {
        m_report.skipped += m_claims.heldByOthers(m_profile.id, &error);
        if (!error.isEmpty())
            m_report.errors << error;
    }
    if (onlyChangeId) {
        if (std::optional<store::PendingChange> change = changes.find(*onlyChangeId, &error);
            change && change->profileId == m_profile.id)
            m_queue << *change;
        else
            m_report.errors
                << tr("There is no pending change %1 in profile %2.").arg(*onlyChangeId).arg(m_profile.name);
    } else {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_queue = ignoreBackoff ? changes.applicable(m_profile.id, now, &error)
                                : changes.due(m_profile.id, now, &error);
        if (!error.isEmpty())
            m_report.errors << error;
        if (!m_only.isEmpty())
            m_queue.removeIf(
                [this](const store::PendingChange& change) { return !m_only.contains(change.id); });
        // A failed change waiting out its backoff is still open: the run must not look finished.
        for (const store::PendingChange& change : changes.list(m_profile.id, {store::ChangeState::Failed})) {
            const bool queued = std::any_of(m_queue.cbegin(), m_queue.cend(),
                                            [&](const store::PendingChange& c) { return c.id == change.id; });
            if (!queued && (m_only.isEmpty() || m_only.contains(change.id)))
                m_report.waiting << tr("Change %1 (%2 %3) failed earlier and is due again at %4: %5")
                                        .arg(QString::number(change.id), change.entity, change.entityKey,
                                             change.nextAttemptAt.toString(Qt::ISODate), change.lastError);
        }
    }
    m_total = m_queue.size();
    QTimer::singleShot(0, this, &ChangePusher::next);
}

void ChangePusher::next() {
    if (m_queue.isEmpty() || m_cancelled) {
        m_report.cancelled = m_cancelled && !m_queue.isEmpty();
        m_report.complete = m_report.errors.isEmpty() && !m_report.cancelled;
        emit finished(m_report);
        return;
    }
    const store::PendingChange change = m_queue.takeFirst();
    emit progress({tr("Pending changes"), m_total - m_queue.size() - 1, m_total});
    QString why;
    const std::optional<store::PendingChange> claimed = m_claims.claim(change, &why);
    if (!claimed) {
        // Claimed by another applier, applied by one meanwhile, discarded: not ours to apply.
        m_report.skipped << why;
        QTimer::singleShot(0, this, &ChangePusher::next);
        return;
    }
    if (claimed->operation == store::ChangeOperation::Create && !countCreateAttempt(*claimed))
        return;
    apply(*claimed);
}

bool ChangePusher::countCreateAttempt(const store::PendingChange& change) {
    // Counted before the create goes out, so that a crash or power cut after sending leaves attempts > 0
    // and the next applier looks the record up instead of sending again. The change in hand keeps the
    // count of the earlier tries: zero means this is the first send.
    QString error;
    if (store::PendingChangeRepository(m_database).recordAttempt(change.id, m_claims.owner(), &error))
        return true;
    failedLocally(change, error);
    return false;
}

void ChangePusher::afterSettling(std::function<void()> then) {
    QTimer::singleShot(m_settleDelay, this, std::move(then));
}

void ChangePusher::apply(const store::PendingChange& change) {
    if (change.entity == NumberChangePayloads::kPhoneNumber ||
        change.entity == NumberChangePayloads::kNumberMigration)
        NumberPusher::apply(m_database, m_profile, m_client.api(), this, change, m_settleDelay,
                            [this, change](const NumberPusher::Result& r) {
                                r.deliver(this, change, &ChangePusher::succeeded, &ChangePusher::failed,
                                          &ChangePusher::failedLocally, &ChangePusher::conflict,
                                          &ChangePusher::notKept);
                            });
    else if (m_profile.provider != core::kProviderRingCentral)
        failedLocally(
            change,
            tr("Changes of kind \"%1\" cannot be applied to %2.").arg(change.entity, m_profile.provider));
    else if (change.entity == ChangePayloads::kExtension)
        applyExtension(change);
    else if (change.entity == ChangePayloads::kForwardingNumber)
        applyForwarding(change);
    else if (change.entity == SettingsPayloads::kEntity)
        SettingsPusher::apply(
            m_database, m_profile.id, m_client, change, [this, change](const SettingsPusher::Result& r) {
                r.deliver(this, change, &ChangePusher::succeeded, &ChangePusher::failed,
                          &ChangePusher::failedLocally, &ChangePusher::conflict, &ChangePusher::notKept);
            });
    else
        failedLocally(
            change,
            tr("Changes of kind \"%1\" cannot be applied to %2.").arg(change.entity, m_profile.provider));
}

// --- extension ------------------------------------------------------------------------------------------

void ChangePusher::applyExtension(const store::PendingChange& change) {
    if (change.operation == store::ChangeOperation::Create) {
        createExtension(change);
        return;
    }
    m_client.getExtension(change.entityKey, [this, change](const Outcome<core::Extension>& remote) {
        const bool gone = remote.error && remote.error->kind == net::ApiError::Kind::NotFound;
        if (change.operation == store::ChangeOperation::Delete && gone) {
            // Already deleted (by an earlier attempt whose answer was lost, or by someone else): done.
            QString error;
            store::Transaction transaction(m_database);
            if (!store::ExtensionRepository(m_database).remove(m_profile.id, change.entityKey, &error))
                return failedLocally(change, error);
            transaction.commit();
            return succeeded(change,
                             tr("Extension %1 was already deleted at the provider.").arg(change.entityKey));
        }
        if (gone)
            return conflict(change, tr("The record was deleted at the provider since you edited it."));
        if (remote.error)
            return failed(change, *remote.error);
        store::ExtensionRepository extensions(m_database);
        const std::optional<core::Extension> local = extensions.find(m_profile.id, change.entityKey);
        const QList<core::Extension> forms = ChangePayloads::storedForms(*remote.value, local);
        const bool unchanged = std::any_of(forms.cbegin(), forms.cend(), [&](const core::Extension& form) {
            return extensions.versionOf(form) == change.baseVersion;
        });
        if (!unchanged && change.operation == store::ChangeOperation::Update &&
            ChangePayloads::applyExtensionFields(*remote.value, change.payload) == *remote.value) {
            // The provider already holds the change's values (an earlier attempt took effect and the
            // process died before recording it, or someone made the same edit): applied, not a conflict.
            return storeAndSucceed(
                change, *remote.value,
                tr("Extension %1 already had the new values.").arg(remote.value->extensionNumber));
        }
        if (!unchanged) {
            QStringList fields;
            if (local) {
                // Name only what the stored form can show: a time zone the list never carried is not news.
                core::Extension comparable = *remote.value;
                if (local->timeZone.isEmpty())
                    comparable.timeZone.clear();
                comparable.callerIdNumber = local->callerIdNumber;
                fields = ChangePayloads::extensionDifferences(*local, comparable);
            }
            // The local copy takes the provider's record (with the caller ID only the store knows), so the
            // admin resolves the conflict against what the provider holds now (ChangeStager::conflictMerge).
            core::Extension theirs = *remote.value;
            if (local)
                theirs.callerIdNumber = local->callerIdNumber;
            QString error;
            if (!storeExtension(theirs, &error))
                return failedLocally(change, error);
            return conflict(change, changedText(fields));
        }
        if (change.operation == store::ChangeOperation::Delete) {
            m_client.deleteExtension(*remote.value, [this,
                                                     change](const std::optional<net::ApiError>& error) {
                if (error && error->kind != net::ApiError::Kind::NotFound)
                    return failed(change, *error);
                QString problem;
                if (!store::ExtensionRepository(m_database).remove(m_profile.id, change.entityKey, &problem))
                    return failedLocally(change, problem);
                succeeded(change, tr("Deleted extension %1.").arg(change.entityKey));
            });
            return;
        }
        const core::Extension wanted = ChangePayloads::applyExtensionFields(*remote.value, change.payload);
        if (wanted == *remote.value) {
            // Nothing left to do (an earlier attempt took effect): store what the provider has.
            return storeAndSucceed(
                change, *remote.value,
                tr("Extension %1 already had the new values.").arg(wanted.extensionNumber));
        }
        const auto update = [this, change, wanted](const QString& timeZoneId) {
            m_client.updateExtension(
                wanted, changes::PayloadMembers::paths(change.payload),
                [this, change](const Outcome<core::Extension>& answer) {
                    if (answer.error)
                        return failed(change, *answer.error);
                    verifyExtension(change, answer.value->id);
                },
                timeZoneId);
        };
        // RingCentral sets a time zone by its dictionary id; the record (and the admin) know its name.
        if (wanted.timeZone.isEmpty() || wanted.timeZone == remote.value->timeZone)
            return update({});
        m_client.resolveTimeZone(wanted.timeZone, [change, update, this](const Outcome<QString>& id) {
            if (id.error)
                return failed(change, *id.error);
            update(*id.value);
        });
    });
}

void ChangePusher::createExtension(const store::PendingChange& change) {
    if (change.attempts == 0) {
        sendExtensionCreate(change);
        return;
    }
    // Tried before: look for it first, so that a create whose answer was lost is not made twice.
    lookUpExtension(change, false);
}

void ChangePusher::lookUpExtension(const store::PendingChange& change, bool settled) {
    // The number alone does not say the extension is ours: someone may have made another one with that
    // number meanwhile. It is ours when its name or email is the one the create sends.
    const core::Extension wanted = ChangePayloads::applyExtensionFields({}, change.payload);
    auto found = std::make_shared<std::optional<core::Extension>>();
    auto taken = std::make_shared<std::optional<core::Extension>>();
    m_client.listExtensions(
        {},
        [found, taken, wanted](int, const QList<core::Extension>& page) {
            for (const core::Extension& extension : page) {
                if (wanted.extensionNumber.isEmpty() || extension.extensionNumber != wanted.extensionNumber)
                    continue;
                *(isTheCreated(extension, wanted) ? found : taken) = extension;
            }
        },
        [this, change, found, taken, settled](const ListOutcome& outcome) {
            if (*found)
                return storeAndSucceed(
                    change, **found,
                    tr("Extension %1 had already been created.").arg((*found)->extensionNumber));
            if (!outcome.complete) {
                // Without the whole list it is unknown whether the create took effect: do not send.
                if (outcome.error)
                    return failed(change, *outcome.error);
                return failedLocally(change, tr("Could not check whether the extension exists already."));
            }
            if (*taken)
                return conflict(change, tr("Extension number %1 is used at the provider by \"%2\"; the "
                                           "extension was not created.")
                                            .arg((*taken)->extensionNumber, (*taken)->name));
            // A create whose answer was lost may land a moment later: look once more before sending.
            if (!settled)
                return afterSettling([this, change] { lookUpExtension(change, true); });
            sendExtensionCreate(change);
        });
}

void ChangePusher::sendExtensionCreate(const store::PendingChange& change) {
    core::Extension extension = ChangePayloads::applyExtensionFields({}, change.payload);
    m_client.createExtension(extension, [this, change](const Outcome<core::Extension>& answer) {
        if (answer.error)
            return failed(change, *answer.error);
        // Stored at once, so that a failed read-back still leaves the new record in the local copy.
        QString error;
        if (!storeExtension(*answer.value, &error))
            return failedLocally(change, error);
        verifyExtension(change, answer.value->id);
    });
}

// --- forwarding number ----------------------------------------------------------------------------------

void ChangePusher::applyForwarding(const store::PendingChange& change, bool settled) {
    const QString extensionId = change.payload.value(u"extensionId"_s).toString();
    if (extensionId.isEmpty())
        return failedLocally(change, tr("The change names no extension (payload member extensionId)."));
    if (change.operation == store::ChangeOperation::Create && change.attempts == 0) {
        createForwarding(change, extensionId);
        return;
    }
    // Updates, deletes and retried creates all start from the extension's current list at the provider.
    auto gathered = std::make_shared<QList<core::ForwardingNumber>>();
    m_client.listForwardingNumbers(
        extensionId, [gathered](int, const QList<core::ForwardingNumber>& page) { *gathered += page; },
        [this, change, extensionId, gathered, settled](const ListOutcome& outcome) {
            if (!outcome.complete) {
                if (outcome.error && outcome.error->kind == net::ApiError::Kind::NotFound)
                    return conflict(change,
                                    tr("The extension was deleted at the provider since you edited it."));
                if (outcome.error)
                    return failed(change, *outcome.error);
                return failedLocally(
                    change, tr("Could not read the forwarding list of extension %1.").arg(extensionId));
            }
            QList<core::ForwardingNumber> list = *gathered;
            if (change.operation == store::ChangeOperation::Create) {
                const core::ForwardingNumber wanted =
                    ChangePayloads::applyForwardingFields({}, change.payload);
                for (const core::ForwardingNumber& entry : list) {
                    if (entry.phoneNumber == wanted.phoneNumber && entry.type == wanted.type) {
                        QString error;
                        if (!storeForwardingList(extensionId, list, &error))
                            return failedLocally(change, error);
                        return succeeded(
                            change,
                            tr("Forwarding number %1 had already been created.").arg(wanted.phoneNumber));
                    }
                }
                // A create whose answer was lost may land a moment later: look once more before sending.
                if (!settled)
                    return afterSettling([this, change] { applyForwarding(change, true); });
                return createForwarding(change, extensionId);
            }
            const auto it = std::find_if(list.begin(), list.end(), [&](const core::ForwardingNumber& entry) {
                return entry.id == change.entityKey;
            });
            if (it == list.end()) {
                if (change.operation == store::ChangeOperation::Delete) {
                    QString error;
                    if (!storeForwardingList(extensionId, list, &error))
                        return failedLocally(change, error);
                    return succeeded(change,
                                     tr("Forwarding number %1 was already deleted.").arg(change.entityKey));
                }
                return conflict(change, tr("The record was deleted at the provider since you edited it."));
            }
            if (change.operation == store::ChangeOperation::Update &&
                ChangePayloads::applyForwardingFields(*it, change.payload) == *it) {
                // Already holds the change's values (see applyExtension): applied, not a conflict.
                QString error;
                if (!storeForwardingList(extensionId, list, &error))
                    return failedLocally(change, error);
                return succeeded(change,
                                 tr("Forwarding number %1 already had the new values.").arg(it->phoneNumber));
            }
            if (store::ForwardingNumberRepository::versionOf({*it}) != change.baseVersion) {
                store::ForwardingNumberRepository repository(m_database);
                QStringList fields;
                for (const core::ForwardingNumber& local : repository.list(m_profile.id, extensionId)) {
                    if (local.id == it->id)
                        fields = ChangePayloads::forwardingDifferences(local, *it);
                }
                // The provider's list, for resolving the conflict against it (as for an extension).
                QString error;
                if (!storeForwardingList(extensionId, list, &error))
                    return failedLocally(change, error);
                return conflict(change, changedText(fields));
            }
            const core::ForwardingNumber current = *it;
            if (change.operation == store::ChangeOperation::Delete) {
                m_client.deleteForwardingNumber(
                    extensionId, current.id,
                    [this, change, extensionId, list, current](const std::optional<net::ApiError>& error) {
                        if (error && error->kind != net::ApiError::Kind::NotFound)
                            return failed(change, *error);
                        QList<core::ForwardingNumber> remaining = list;
                        remaining.removeIf(
                            [&](const core::ForwardingNumber& e) { return e.id == current.id; });
                        QString problem;
                        if (!storeForwardingList(extensionId, remaining, &problem))
                            return failedLocally(change, problem);
                        succeeded(change, tr("Deleted forwarding number %1.").arg(current.phoneNumber));
                    });
                return;
            }
            const core::ForwardingNumber wanted =
                ChangePayloads::applyForwardingFields(current, change.payload);
            m_client.updateForwardingNumber(
                extensionId, wanted, changes::PayloadMembers::paths(change.payload),
                [this, change, extensionId](const Outcome<core::ForwardingNumber>& answer) {
                    if (answer.error)
                        return failed(change, *answer.error);
                    verifyForwarding(change, extensionId, answer.value->id);
                });
        });
}

// --- read-back ------------------------------------------------------------------------------------------
// A write the provider answered with 200 is not yet an applied change: a field the request could not
// carry, or one the provider ignored, would otherwise be reported as applied and come back at the next
// sync. The record is read again; the change is applied only when it holds every value that was reviewed.

void ChangePusher::verifyExtension(const store::PendingChange& change, const QString& extensionId) {
    m_client.getExtension(extensionId, [this, change](const Outcome<core::Extension>& readBack) {
        if (readBack.error)
            return failed(change, *readBack.error); // the next attempt compares before it sends
        QString error;
        if (!storeExtension(*readBack.value, &error))
            return failedLocally(change, error);
        const QJsonObject held = ChangePayloads::extensionFields(*readBack.value);
        const QStringList differing = changes::PayloadMembers::differingPaths(reviewedMembers(change), held);
        if (!differing.isEmpty())
            return notKept(change, differing);
        const QJsonObject kept = changes::PayloadMembers::membersOf(held, reviewedMembers(change));
        if (change.operation == store::ChangeOperation::Create)
            return succeeded(
                change,
                tr("Created extension %1 (id %2).").arg(readBack.value->extensionNumber, readBack.value->id),
                kept);
        succeeded(change,
                  tr("Updated extension %1 (%2).")
                      .arg(readBack.value->extensionNumber,
                           changes::PayloadMembers::paths(change.payload).join(u", "_s)),
                  kept);
    });
}

void ChangePusher::verifyForwarding(const store::PendingChange& change, const QString& extensionId,
                                    const QString& forwardingId) {
    auto gathered = std::make_shared<QList<core::ForwardingNumber>>();
    m_client.listForwardingNumbers(
        extensionId, [gathered](int, const QList<core::ForwardingNumber>& page) { *gathered += page; },
        [this, change, extensionId, forwardingId, gathered](const ListOutcome& outcome) {
            if (!outcome.complete) {
                if (outcome.error)
                    return failed(change, *outcome.error);
                return failedLocally(
                    change, tr("Could not read the forwarding list of extension %1.").arg(extensionId));
            }
            QString error;
            if (!storeForwardingList(extensionId, *gathered, &error))
                return failedLocally(change, error);
            const auto it =
                std::find_if(gathered->cbegin(), gathered->cend(),
                             [&](const core::ForwardingNumber& entry) { return entry.id == forwardingId; });
            if (it == gathered->cend())
                return conflict(change, tr("The record was deleted at the provider since you edited it."));
            const QJsonObject held = ChangePayloads::forwardingFields(extensionId, *it);
            const QStringList differing =
                changes::PayloadMembers::differingPaths(reviewedMembers(change), held);
            if (!differing.isEmpty())
                return notKept(change, differing);
            succeeded(change,
                      change.operation == store::ChangeOperation::Create
                          ? tr("Created forwarding number %1.").arg(it->phoneNumber)
                          : tr("Updated forwarding number %1.").arg(it->phoneNumber),
                      changes::PayloadMembers::membersOf(held, reviewedMembers(change)));
        });
}

void ChangePusher::createForwarding(const store::PendingChange& change, const QString& extensionId) {
    const core::ForwardingNumber wanted = ChangePayloads::applyForwardingFields({}, change.payload);
    m_client.createForwardingNumber(
        extensionId, wanted, [this, change, extensionId](const Outcome<core::ForwardingNumber>& answer) {
            if (answer.error)
                return failed(change, *answer.error);
            QList<core::ForwardingNumber> list =
                store::ForwardingNumberRepository(m_database).list(m_profile.id, extensionId);
            list << *answer.value;
            QString error;
            if (!storeForwardingList(extensionId, list, &error))
                return failedLocally(change, error);
            verifyForwarding(change, extensionId, answer.value->id);
        });
}

// --- outcomes -------------------------------------------------------------------------------------------

store::AuditEntry ChangePusher::auditEntry(const store::PendingChange& change, const QString& action,
                                           const QString& summary) const {
    store::AuditEntry entry;
    entry.profileId = m_profile.id;
    entry.profileName = m_profile.name;
    entry.entity = change.entity;
    entry.entityKey = change.entityKey;
    entry.action = action;
    entry.summary = summary;
    entry.before = change.baseValues;
    return entry;
}

void ChangePusher::succeeded(const store::PendingChange& change, const QString& summary,
                             const QJsonObject& readBack) {
    QString error;
    // The store already holds the provider's answer; applied + audit entry go in together.
    store::Transaction transaction(m_database);
    store::AuditEntry entry = auditEntry(change, store::toText(change.operation), summary);
    // What the provider held afterwards when it was read back, else what was sent; nothing after a delete.
    if (change.operation != store::ChangeOperation::Delete)
        entry.after = readBack.isEmpty() ? change.payload : readBack;
    if (!store::PendingChangeRepository(m_database)
             .markApplied(change.id, m_claims.owner(), readBack, &error) ||
        !store::AuditLogRepository(m_database).append(entry, &error) || !transaction.commit()) {
        m_report.errors << (error.isEmpty() ? transaction.error() : error);
    } else {
        ++m_report.applied;
    }
    QTimer::singleShot(0, this, &ChangePusher::next);
}

void ChangePusher::failed(const store::PendingChange& change, const net::ApiError& error) {
    // Transient failures come back on their own after a backoff; permanent ones (the provider refused
    // the data) wait a day so that a sync does not keep sending what will be refused again: the admin
    // edits the change or applies it explicitly (`pending apply ID`). A lost answer is retried like a
    // transient failure: the next attempt looks the record up before it sends anything, so it cannot
    // double, and waiting a day would leave an edit that may well be through unconfirmed.
    const bool retrySoon = error.isTransient() || error.kind == net::ApiError::Kind::OutcomeUnknown;
    markFailed(change, error.message(),
               retrySoon ? retryTime(change) : QDateTime::currentDateTimeUtc().addDays(1));
}

void ChangePusher::failedLocally(const store::PendingChange& change, const QString& message) {
    // A local cause (the store refused, a lookup could not finish) may clear by itself, so it is retried
    // with backoff, but not forever: after kMaxLocalAttempts the change waits, failed with its reason,
    // until the admin applies it explicitly (`pending apply ID`, which does not wait for due changes).
    const bool givingUp = change.attempts + 1 >= kMaxLocalAttempts;
    if (!givingUp)
        return markFailed(change, message, retryTime(change));
    markFailed(change,
               tr("%1 (gave up after %2 attempts; apply it explicitly to try again)")
                   .arg(message)
                   .arg(change.attempts + 1),
               QDateTime(QDate(9999, 12, 31), QTime(0, 0), Qt::UTC));
}

QJsonObject ChangePusher::reviewedMembers(const store::PendingChange& change) {
    if (change.operation != store::ChangeOperation::Create)
        return change.payload;
    // A create's payload is the whole new record; its request carries only part of it and the provider
    // fills in the rest (an extension's name and time zone, a flip digit when none was asked for, the label
    // of a predefined type). The read-back checks what was sent, and a forwarding number's features: no
    // request carries them, but what was reviewed is what RingCentral gives every new number
    // (ForwardingListCheck::featuresOfNewEntry), so a provider that holds others did not keep the review.
    QJsonObject sent = change.payload;
    if (change.entity == ChangePayloads::kForwardingNumber) {
        for (const QString& member : {u"extensionId"_s, u"deviceId"_s})
            sent.remove(member);
        if (sent.value(u"type"_s).toString() != core::toWire(core::ForwardingType::Other))
            sent.remove(u"label"_s);
        if (sent.value(u"flipNumber"_s).toInt() <= 0)
            sent.remove(u"flipNumber"_s);
    } else {
        // RingCentral activates a new user by welcome e-mail, so its status is NotActivated until then.
        for (const QString& member : {u"name"_s, u"timeZone"_s, u"status"_s})
            sent.remove(member);
        if (sent.value(u"extensionNumber"_s).toString().isEmpty())
            sent.remove(u"extensionNumber"_s);
        // An empty contact member is not sent on create (the provider fills in its default, such as the
        // company name), so there is nothing of it to check.
        QJsonObject contact = sent.value(u"contact"_s).toObject();
        for (const QString& key : contact.keys()) {
            if (contact.value(key).toString().isEmpty())
                contact.remove(key);
        }
        sent.insert(u"contact"_s, contact);
    }
    return sent;
}

void ChangePusher::notKept(const store::PendingChange& change, const QStringList& fields) {
    if (change.operation == store::ChangeOperation::Create) {
        // The record exists now, only not as reviewed: sending the create again would make a second
        // one, and a retry would find this one and call it applied. The admin decides (a conflict).
        return conflict(change, tr("Created, but the provider did not keep %1; the record now shows what the "
                                   "provider holds.")
                                    .arg(fields.join(u", "_s)));
    }
    // Sending it again would be answered the same way: like a refused change, it waits a day for the
    // admin to edit or discard it. The store already shows what the provider holds.
    markFailed(change,
               tr("The provider did not keep %1, so the change is not applied; the record now shows what "
                  "the provider holds.")
                   .arg(fields.join(u", "_s)),
               QDateTime::currentDateTimeUtc().addDays(1));
}

void ChangePusher::markFailed(const store::PendingChange& change, const QString& message,
                              const QDateTime& retryAt) {
    // The failed attempt is logged with what it tried (the state and the entry go in together), so the
    // audit log answers for every attempt, not only the ones that went through.
    QString problem;
    store::Transaction transaction(m_database);
    store::AuditEntry entry = auditEntry(change, u"failed"_s, message);
    entry.after = change.payload;
    if (!store::PendingChangeRepository(m_database)
             .markFailed(change.id, m_claims.owner(), message, retryAt, &problem) ||
        !store::AuditLogRepository(m_database).append(entry, &problem) || !transaction.commit())
        m_report.errors << (problem.isEmpty() ? transaction.error() : problem);
    m_report.errors << message;
    ++m_report.failed;
    QTimer::singleShot(0, this, &ChangePusher::next);
}

void ChangePusher::conflict(const store::PendingChange& change, const QString& message) {
    QString problem;
    store::Transaction transaction(m_database);
    store::AuditEntry entry = auditEntry(change, u"conflict"_s, message);
    entry.after = change.payload;
    if (!store::PendingChangeRepository(m_database)
             .markConflict(change.id, m_claims.owner(), message, &problem) ||
        !store::AuditLogRepository(m_database).append(entry, &problem) || !transaction.commit())
        m_report.errors << (problem.isEmpty() ? transaction.error() : problem);
    ++m_report.conflicts;
    QTimer::singleShot(0, this, &ChangePusher::next);
}

QString ChangePusher::changedText(const QStringList& fields) {
    return fields.isEmpty()
               ? tr("changed at the provider since you edited it.")
               : tr("changed at the provider since you edited it: %1.").arg(fields.join(u", "_s));
}

void ChangePusher::storeAndSucceed(const store::PendingChange& change, const core::Extension& extension,
                                   const QString& summary) {
    QString error;
    if (!storeExtension(extension, &error))
        return failedLocally(change, error);
    succeeded(change, summary);
}

bool ChangePusher::storeExtension(const core::Extension& extension, QString* error) {
    return store::ExtensionRepository(m_database).upsert(m_profile.id, {extension}, error);
}

bool ChangePusher::storeForwardingList(const QString& extensionId, const QList<core::ForwardingNumber>& list,
                                       QString* error) {
    return store::ForwardingNumberRepository(m_database).replaceList(m_profile.id, extensionId, list, error);
}

} // namespace trunkline::sync
