#pragma once

#include "core/PortingOrder.h"

#include <QList>
#include <QWidget>
#include <optional>

namespace trunkline::gui {

// The whole extension block of a German route number (e.g. 0–99) as one bar, the activation ranges
// highlighted on it. The mouse edits it: a drag over empty space adds a range (a click adds one
// extension), a drag on a range's edge resizes it, a click on a range removes it. The keyboard too:
// Left/Right (Home/End, Page Up/Down by ten) move a cursor, Space toggles the extension under it.
//
// Every edit is emitted as the fewest ranges that cover the active extensions (touching ranges merge),
// which is what Telnyx takes as activation_ranges. Ranges set from outside are shown as they are, even
// when they break a rule, so the rule message beside the editors matches what the bar shows.
class ActivationRangeBar : public QWidget {
    Q_OBJECT

public:
    explicit ActivationRangeBar(QWidget* parent = nullptr);

    void setBlock(const core::NumberRange& block);
    core::NumberRange block() const { return m_block; }
    // Does not emit rangesEdited: only the admin's edits do.
    void setRanges(const QList<core::NumberRange>& ranges);
    QList<core::NumberRange> ranges() const { return m_ranges; }

    int cursorExtension() const { return m_cursor; }
    // The centre of an extension's cell, in widget coordinates (tests aim with it).
    QPoint pointFor(int extension) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void rangesEdited(const QList<core::NumberRange>& ranges);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    // What the mouse press started.
    enum class Drag { None, Add, StartEdge, EndEdge, Body };

    QRect barRect() const;
    double cellWidth() const;
    int extensionAt(int x) const;
    int xOf(int extension) const; // left edge of the extension's cell
    std::optional<qsizetype> rangeAt(int x, Drag* grip) const;
    // The gap of free extensions around `extension` that an added or resized range may grow into.
    core::NumberRange freeGapAround(int extension, qsizetype ignoredRange) const;
    void setCursorExtension(int extension);
    void toggle(int extension);
    void commit(const QList<core::NumberRange>& ranges);
    void updateAccessibleText();

    core::NumberRange m_block{0, 99};
    QList<core::NumberRange> m_ranges;
    int m_cursor = 0;

    Drag m_drag = Drag::None;
    std::optional<qsizetype> m_dragRange; // index into m_ranges while resizing or pressing a range
    int m_anchor = 0;
    QPoint m_pressPos;
    bool m_moved = false;
};

} // namespace trunkline::gui
