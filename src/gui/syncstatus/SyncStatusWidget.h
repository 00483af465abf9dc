#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace trunkline::gui {

class SyncController;

// The status bar's sync corner: while a sync runs, what it is doing, a progress bar and a cancel
// button; afterwards, when it last finished and whether anything went wrong (details in the tooltip).
class SyncStatusWidget : public QWidget {
    Q_OBJECT

public:
    explicit SyncStatusWidget(SyncController& controller, QWidget* parent = nullptr);

private:
    void showRunning();
    void showProgress(const QString& what, qint64 done, qint64 total);
    void showFinished(bool ok, const QString& summary, const QStringList& errors);

    QLabel* m_label;
    QProgressBar* m_bar;
    QToolButton* m_cancel;
};

} // namespace trunkline::gui
