#pragma once

#include "core/PortingOrder.h"
#include "core/RuleViolation.h"
#include "gui/GuiForward.h"

#include <QList>
#include <QWizardPage>

class QPlainTextEdit;
class QSpinBox;
class QTableView;

namespace trunkline::gui {

class ActivationRangeBar;
class ActivationRangesModel;
class NumberPreviewModel;

// The extensions of a German route number: the block that ports with it (presets 0–9, 0–99, 0–999 or
// custom) and the activation ranges, edited three ways that always show the same ranges: the range bar,
// a table of from/to rows, and a box of wanted full numbers in any notation, from which the fewest
// ranges are derived (core::WantedNumbers). Beside them, every number of the block with its state and
// the counts. Every rule of core::PortingRules is checked on each edit and its message shown next to
// the editor it concerns; the page is complete only when nothing is wrong.
//
// The extension values are what counts (Telnyx takes them as integers): when the block changes, the
// ranges stay and the wanted numbers are rewritten with the new block's digit count.
class ExtensionsStep : public QWizardPage {
    Q_OBJECT

public:
    explicit ExtensionsStep(QWidget* parent = nullptr);

    // The route number the extensions are appended to, in E.164.
    void setRouteNumber(const QString& routeE164);
    QString routeNumber() const { return m_route; }

    void setBlock(const core::NumberRange& block); // picks the matching preset, else Custom
    core::NumberRange block() const { return m_block; }
    void setRanges(const QList<core::NumberRange>& ranges);
    QList<core::NumberRange> ranges() const { return m_ranges; }

    // What is wrong right now: broken porting rules and unreadable wanted numbers.
    core::RuleViolations problems() const { return m_violations + m_pasteProblems; }

    void initializePage() override;
    bool isComplete() const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    enum class Source { Bar, Table, Paste, Outside };

    void buildLayout();
    void retranslate();
    void showStatus();
    void presetChosen();
    void customBlockEdited();
    void applyBlock(const core::NumberRange& block);
    void pasteEdited();
    void addRow();
    void removeRows();
    void rangesChanged(Source source, const QList<core::NumberRange>& ranges);
    void writeWantedNumbers();
    void validate();

    QString m_route;
    core::NumberRange m_block{0, 99};
    QList<core::NumberRange> m_ranges;
    core::RuleViolations m_violations;
    core::RuleViolations m_pasteProblems;

    QLabel* m_intro = nullptr;
    QLabel* m_blockLabel = nullptr;
    QComboBox* m_preset = nullptr;
    QLabel* m_fromLabel = nullptr;
    QSpinBox* m_blockStart = nullptr;
    QLabel* m_toLabel = nullptr;
    QSpinBox* m_blockEnd = nullptr;
    QLabel* m_blockError = nullptr;
    ActivationRangeBar* m_bar = nullptr;
    QLabel* m_rangesLabel = nullptr;
    ActivationRangesModel* m_rangesModel = nullptr;
    QTableView* m_rangesTable = nullptr;
    QPushButton* m_addRow = nullptr;
    QPushButton* m_removeRow = nullptr;
    QLabel* m_rangesError = nullptr;
    QLabel* m_pasteLabel = nullptr;
    QPlainTextEdit* m_paste = nullptr;
    QLabel* m_pasteError = nullptr;
    QLabel* m_previewLabel = nullptr;
    NumberPreviewModel* m_preview = nullptr;
    QTableView* m_previewTable = nullptr;
    QLabel* m_counts = nullptr;
};

} // namespace trunkline::gui
