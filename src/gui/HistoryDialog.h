#pragma once

#include <QDialog>
#include <memory>

class QUndoStack;
class QUndoView;

namespace Ui {
class HistoryDialog;
}

namespace trunkline::gui {

// Edit > History…: the staged edits of the open database by name (changes::StagingHistory), the current
// one selected; choosing an entry undoes or redoes up to it. Not modal, so that the pages stay usable
// beside it. Its size and place are kept in QSettings.
class HistoryDialog : public QDialog {
    Q_OBJECT

public:
    explicit HistoryDialog(QUndoStack& stack, QWidget* parent = nullptr);
    ~HistoryDialog() override;

    QUndoView* view() const;

protected:
    void changeEvent(QEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void retranslate();

    std::unique_ptr<Ui::HistoryDialog> m_ui;
};

} // namespace trunkline::gui
