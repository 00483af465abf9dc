#pragma once

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace trunkline::gui {

class SyncController;

// The status bar's sync corner: while a sync runs, what it is doing, a progress bar and a cancel
// button; afterwards, when it last finished and whether anything went wrong (details in the tooltip).
// Beside it, while the background queue fetches extension details, how far it is and how long it will take.
class SyncStatusWidget : public QWidget {
    Q_OBJECT

public:
    explicit SyncStatusWidget(SyncController& controller, QWidget* parent = nullptr);

private:
    void showRunning();
    void showProgress(const QString& what, qint64 done, qint64 total);
    void showFinished(bool ok, const QString& summary, const QStringList& errors);
    void showDetails(const QString& profileName, qint64 done, qint64 total);

    QLabel* m_label;
    QLabel* m_details; // the background detail queue: "x of y, about … left"
    QElapsedTimer m_detailsClock;
    qint64 m_detailsDoneAtStart = 0;
    QProgressBar* m_bar;
    QToolButton* m_cancel;
};

} // namespace trunkline::gui
