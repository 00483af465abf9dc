#include "sync/ChangeClaims.h"

#include "store/FourEyesPolicy.h"
#include "store/PendingChangeRepository.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSysInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

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
    else if (now && now->approvedBy.isEmpty() &&
             (now->state == store::ChangeState::Pending || now->state == store::ChangeState::Failed) &&
             store::FourEyesPolicy(m_database).isRequired(&ignored).value_or(false))
        // Four-eyes: the database refused the claim; the author is named so the admin knows whom to ask.
        *why = tr("Change %1 (%2 %3) skipped: it needs a second person's approval before it is applied "
                  "(four-eyes is on); %4 staged it.")
                   .arg(QString::number(change.id), change.entity, change.entityKey,
                        now->author.isEmpty() ? tr("someone") : now->author);
    else if (now && now->state == store::ChangeState::Applied)
        *why = tr("Change %1 (%2 %3) skipped: %4 applied it meanwhile.")
                   .arg(QString::number(change.id), change.entity, change.entityKey, now->claimOwner);
    else
        *why = tr("Change %1 (%2 %3) skipped: %4")
                   .arg(QString::number(change.id), change.entity, change.entityKey, refusal);
    return std::nullopt;
}

bool ChangeClaims::isDeadLocalApplier(const QString& owner) {
    static const QRegularExpression pattern(u"^.*@(.*):(\\d+)#[0-9a-f]+$"_s);
    const QRegularExpressionMatch match = pattern.match(owner);
    if (!match.hasMatch() || match.captured(1) != QSysInfo::machineHostName())
        return false;
    const qint64 pid = match.captured(2).toLongLong();
    if (pid <= 0 || pid == QCoreApplication::applicationPid())
        return false;
#ifdef Q_OS_UNIX
    // Signal 0 checks that the process exists; EPERM means it does, as another user's. A reused pid
    // only makes the claim wait for its lease, which is safe.
    return ::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH;
#else
    return false;
#endif
}

QStringList ChangeClaims::releaseDeadAppliers(qint64 profileId, QString* error) {
    store::PendingChangeRepository changes(m_database);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList released;
    for (const store::PendingChange& change :
         changes.list(profileId, {store::ChangeState::Applying}, error)) {
        if (!change.leaseUntil.isValid() || change.leaseUntil < now || !isDeadLocalApplier(change.claimOwner))
            continue;
        QString ignored; // another applier may have recovered it in between: then it is theirs
        if (changes.expireClaim(change.id, change.claimOwner, &ignored))
            released << tr("Change %1 (%2 %3) recovered: its applier %4 is no longer running.")
                            .arg(QString::number(change.id), change.entity, change.entityKey,
                                 change.claimOwner);
    }
    return released;
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
