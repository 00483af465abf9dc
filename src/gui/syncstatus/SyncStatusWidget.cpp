#include "gui/syncstatus/SyncStatusWidget.h"

#include "gui/syncstatus/SyncController.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSettings>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {
const auto kLastSyncKey = QLatin1String("Sync/lastCompleted");
}

SyncStatusWidget::SyncStatusWidget(SyncController& controller, QWidget* parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_details(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this)) {
    setObjectName(QStringLiteral("syncStatus"));
    m_label->setObjectName(QStringLiteral("syncStatusLabel"));
    m_details->setObjectName(QStringLiteral("syncDetailsLabel"));
    m_details->hide();
    m_bar->setObjectName(QStringLiteral("syncProgressBar"));
    m_cancel->setObjectName(QStringLiteral("syncCancelButton"));
    m_bar->setMaximumWidth(180);
    m_bar->setTextVisible(false);
    m_bar->hide();
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(
        tr("Stop the sync; what arrived so far is kept and the next sync finishes the job."));
    m_cancel->hide();
    // The last outcome survives a restart, so the admin sees how fresh the local copy is.
    const QSettings settings;
    const QDateTime last = settings.value(kLastSyncKey).toDateTime();
    m_label->setText(last.isValid() ? tr("Last synced %1").arg(QLocale().toString(last, QLocale::ShortFormat))
                                    : tr("Not synced yet"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    layout->addWidget(m_details);

    connect(m_cancel, &QToolButton::clicked, &controller, &SyncController::cancel);
    connect(&controller, &SyncController::started, this, &SyncStatusWidget::showRunning);
    connect(&controller, &SyncController::progress, this, &SyncStatusWidget::showProgress);
    connect(&controller, &SyncController::finished, this, &SyncStatusWidget::showFinished);
    connect(&controller, &SyncController::detailsProgress, this, &SyncStatusWidget::showDetails);
}

void SyncStatusWidget::showDetails(const QString& profileName, qint64 done, qint64 total) {
    if (total <= 0 || done >= total) {
        m_details->hide();
        m_detailsClock.invalidate();
        return;
    }
    // The estimate follows the pace seen since this run of the queue began (rate limits set it).
    if (!m_detailsClock.isValid() || done < m_detailsDoneAtStart) {
        m_detailsClock.start();
        m_detailsDoneAtStart = done;
    }
    const QLocale locale;
    QString text =
        tr("%1: extension details %2 of %3").arg(profileName, locale.toString(done), locale.toString(total));
    const qint64 fetched = done - m_detailsDoneAtStart;
    const qint64 elapsedMs = m_detailsClock.elapsed();
    if (fetched > 0 && elapsedMs > 2000) {
        const qint64 leftSeconds = (total - done) * elapsedMs / fetched / 1000;
        text += u" · "_s + (leftSeconds < 90 ? tr("about %n min left", nullptr, 1)
                            : leftSeconds < 90 * 60
                                ? tr("about %n min left", nullptr, int(leftSeconds / 60))
                                : tr("about %n h left", nullptr, int((leftSeconds + 1800) / 3600)));
    }
    m_details->setText(text);
    m_details->setToolTip(tr("Forwarding lists and call settings are fetched in the background, within the "
                             "provider's rate limits; an extension you open is fetched first."));
    m_details->show();
}

void SyncStatusWidget::showRunning() {
    m_label->setText(tr("Syncing…"));
    m_label->setToolTip({});
    m_bar->setRange(0, 0);
    m_bar->show();
    m_cancel->show();
}

void SyncStatusWidget::showProgress(const QString& what, qint64 done, qint64 total) {
    m_label->setText(what);
    if (total > 0) {
        // QProgressBar counts in int; scale big totals down to per mille.
        m_bar->setRange(0, 1000);
        m_bar->setValue(static_cast<int>(std::min<qint64>(1000, done * 1000 / total)));
    } else {
        m_bar->setRange(0, 0);
    }
}

void SyncStatusWidget::showFinished(bool ok, const QString& summary, const QStringList& errors) {
    if (ok)
        QSettings().setValue(kLastSyncKey, QDateTime::currentDateTime());
    m_bar->hide();
    m_cancel->hide();
    m_label->setText(summary);
    m_label->setToolTip(errors.join(QLatin1Char('\n')));
    // A problem is worth a glance: the details wait in the tooltip.
    QFont font = m_label->font();
    font.setBold(!ok);
    m_label->setFont(font);
}

} // namespace trunkline::gui
