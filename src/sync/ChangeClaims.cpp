#include "sync/ChangeClaims.h"

#include "store/PendingChangeRepository.h"

#include <QRandomGenerator>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace trunkline::sync {

namespace {

QString heldText(const store::PendingChange& change) {
    return ChangeClaims::tr("Change %1 (%2 %3) skipped: claimed by %4 until %5.")
        .arg(QString::number(change.id), change.entity, change.entityKey, change.claimOwner,
             change.leaseUntil.toString(Qt::ISODate));
}

} // namespace

ChangeClaims::ChangeClaims(store::Database& database, std::chrono::seconds lease)
    : m_database(database)
    , m_lease(lease)
    , m_owner(newOwner()) {
}

QString ChangeClaims::newOwner() {
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    // The token tells two runs in one process (or a reused pid) apart.
    const quint32 token = QRandomGenerator::system()->generate();
    return u"%1@%2:%3#%4"_s.arg(user.isEmpty() ? u"unknown"_s : user, QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid())
        .arg(token, 8, 16, QChar(u'0'));
}

std::optional<store::PendingChange> ChangeClaims::claim(const store::PendingChange& change, QString* why) {
    store::PendingChangeRepository changes(m_database);
    const QDateTime until = QDateTime::currentDateTimeUtc().addSecs(m_lease.count());
    QString refusal;
    if (changes.markApplying(change.id, {m_owner, until}, &refusal)) {
        if (std::optional<store::PendingChange> claimed = changes.find(change.id, &refusal))
            return claimed;
    }
    QString ignored;
    const std::optional<store::PendingChange> now = changes.find(change.id, &ignored);
    if (now && now->state == store::ChangeState::Applying && now->leaseUntil.isValid())
        *why = heldText(*now);
    else if (now && now->state == store::ChangeState::Applied)
        *why = tr("Change %1 (%2 %3) skipped: %4 applied it meanwhile.")
                   .arg(QString::number(change.id), change.entity, change.entityKey, now->claimOwner);
    else
        *why = tr("Change %1 (%2 %3) skipped: %4")
                   .arg(QString::number(change.id), change.entity, change.entityKey, refusal);
    return std::nullopt;
}

QStringList ChangeClaims::heldByOthers(qint64 profileId, QString* error) const {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList held;
    for (const store::PendingChange& change :
         store::PendingChangeRepository(m_database).list(profileId, {store::ChangeState::Applying}, error)) {
        if (change.claimOwner != m_owner && change.leaseUntil.isValid() && change.leaseUntil >= now)
            held << heldText(change);
    }
    return held;
}

} // namespace trunkline::sync
