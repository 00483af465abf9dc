#include "gui/porting/ActivationRangeBar.h"

#include <QEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionFocusRect>
#include <algorithm>
#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;
using trunkline::core::NumberRange;

namespace trunkline::gui {

namespace {

constexpr int kGripPixels = 4;  // how near an edge a press grabs it
constexpr int kClickPixels = 3; // a press that moves less than this is a click
constexpr int kPageStep = 10;

// The fewest ranges covering the same extensions: sorted, overlapping and touching ranges merged.
// Ranges that end before they start cover nothing and go.
QList<NumberRange> merged(QList<NumberRange> ranges) {
    ranges.removeIf([](const NumberRange& r) { return r.startAt > r.endAt; });
    std::sort(ranges.begin(), ranges.end(),
              [](const NumberRange& a, const NumberRange& b) { return a.startAt < b.startAt; });
    QList<NumberRange> result;
    for (const NumberRange& range : std::as_const(ranges)) {
        if (!result.isEmpty() && range.startAt <= result.last().endAt + 1)
            result.last().endAt = std::max(result.last().endAt, range.endAt);
        else
            result.append(range);
    }
    return result;
}

QString rangesText(const QList<NumberRange>& ranges) {
    QStringList parts;
    for (const NumberRange& range : ranges)
        parts << u"%1–%2"_s.arg(range.startAt).arg(range.endAt);
    return parts.join(u", "_s);
}

} // namespace

ActivationRangeBar::ActivationRangeBar(QWidget* parent)
    : QWidget(parent) {
    setObjectName(u"activationRangeBar"_s);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    updateAccessibleText();
}

void ActivationRangeBar::setBlock(const NumberRange& block) {
    if (block.startAt > block.endAt)
        return; // the block editor shows that rule; the bar keeps the last drawable block
    m_block = block;
    m_cursor = std::clamp(m_cursor, m_block.startAt, m_block.endAt);
    updateAccessibleText();
    update();
}

void ActivationRangeBar::setRanges(const QList<NumberRange>& ranges) {
    m_ranges = ranges;
    updateAccessibleText();
    update();
}

QRect ActivationRangeBar::barRect() const {
    const int barHeight = std::max(24, fontMetrics().height() + 10);
    return QRect(2, 2, width() - 4, barHeight);
}

double ActivationRangeBar::cellWidth() const {
    return barRect().width() / static_cast<double>(m_block.size());
}

int ActivationRangeBar::xOf(int extension) const {
    return barRect().left() + static_cast<int>(std::lround((extension - m_block.startAt) * cellWidth()));
}

int ActivationRangeBar::extensionAt(int x) const {
    const int offset = static_cast<int>(std::floor((x - barRect().left()) / cellWidth()));
    return std::clamp(m_block.startAt + offset, m_block.startAt, m_block.endAt);
}

QPoint ActivationRangeBar::pointFor(int extension) const {
    return {xOf(extension) + static_cast<int>(cellWidth() / 2), barRect().center().y()};
}

QSize ActivationRangeBar::sizeHint() const {
    return {480, barRect().height() + fontMetrics().height() + 8};
}

QSize ActivationRangeBar::minimumSizeHint() const {
    return {120, sizeHint().height()};
}

// The range under x, and which part of it: an edge within kGripPixels wins over the body, so even a
// range one pixel wide can be resized (and a press on it that does not move still removes it).
std::optional<qsizetype> ActivationRangeBar::rangeAt(int x, Drag* grip) const {
    std::optional<qsizetype> found;
    int nearest = kGripPixels + 1;
    for (qsizetype i = 0; i < m_ranges.size(); ++i) {
        const NumberRange& range = m_ranges.at(i);
        if (range.startAt > range.endAt || !m_block.overlaps(range))
            continue;
        const int left = xOf(std::max(range.startAt, m_block.startAt));
        const int right = xOf(std::min(range.endAt, m_block.endAt) + 1);
        const int toLeft = std::abs(x - left);
        const int toRight = std::abs(x - right);
        if (std::min(toLeft, toRight) < nearest) {
            nearest = std::min(toLeft, toRight);
            found = i;
            *grip = toLeft <= toRight ? Drag::StartEdge : Drag::EndEdge;
        } else if (!found && x > left && x < right) {
            found = i;
            *grip = Drag::Body;
        }
    }
    return found;
}

NumberRange ActivationRangeBar::freeGapAround(int extension, qsizetype ignoredRange) const {
    NumberRange gap = m_block;
    for (qsizetype i = 0; i < m_ranges.size(); ++i) {
        const NumberRange& range = m_ranges.at(i);
        if (i == ignoredRange || range.startAt > range.endAt)
            continue;
        if (range.endAt < extension)
            gap.startAt = std::max(gap.startAt, range.endAt + 1);
        else if (range.startAt > extension)
            gap.endAt = std::min(gap.endAt, range.startAt - 1);
    }
    return gap;
}

void ActivationRangeBar::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QRect bar = barRect();
    painter.fillRect(bar, palette().base());

    const QColor active = isEnabled() ? palette().color(QPalette::Highlight) : palette().color(QPalette::Mid);
    for (const NumberRange& range : std::as_const(m_ranges)) {
        if (range.startAt > range.endAt || !m_block.overlaps(range))
            continue;
        const int left = xOf(std::max(range.startAt, m_block.startAt));
        const int right = xOf(std::min(range.endAt, m_block.endAt) + 1);
        painter.fillRect(QRect(left, bar.top(), std::max(1, right - left), bar.height()), active);
    }

    // Ticks every ten extensions, or every hundred when ten are too narrow to tell apart.
    const int step = cellWidth() * 10 >= 6 ? 10 : 100;
    painter.setPen(palette().color(QPalette::Mid));
    for (int extension = m_block.startAt - m_block.startAt % step + step; extension <= m_block.endAt;
         extension += step) {
        const int x = xOf(extension);
        const int tick = extension % (step * 10) == 0 ? bar.height() / 2 : bar.height() / 4;
        painter.drawLine(x, bar.bottom() - tick, x, bar.bottom());
    }
    painter.drawRect(bar.adjusted(0, 0, -1, -1));

    if (hasFocus()) {
        // The keyboard cursor: a frame around its extension's cell, at least 3 px wide to be seen.
        const int left = xOf(m_cursor);
        const int cell = std::max(3, xOf(m_cursor + 1) - left);
        painter.setPen(QPen(palette().color(QPalette::Text), 2));
        painter.drawRect(QRect(left, bar.top() + 1, cell, bar.height() - 2));
        QStyleOptionFocusRect option;
        option.initFrom(this);
        option.rect = bar.adjusted(-2, -2, 2, 2);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &painter, this);
    }

    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QRect labels(bar.left(), bar.bottom() + 3, bar.width(), fontMetrics().height() + 2);
    painter.drawText(labels, Qt::AlignLeft | Qt::AlignTop, QString::number(m_block.startAt));
    painter.drawText(labels, Qt::AlignRight | Qt::AlignTop, QString::number(m_block.endAt));
    if (hasFocus()) {
        // The cursor's extension under it, kept clear of the block's ends.
        const QString cursorText = QString::number(m_cursor);
        const int textWidth = fontMetrics().horizontalAdvance(cursorText);
        const int left =
            std::clamp(pointFor(m_cursor).x() - textWidth / 2, labels.left(), labels.right() - textWidth);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QRect(left, labels.top(), textWidth, labels.height()), Qt::AlignLeft | Qt::AlignTop,
                         cursorText);
    }
}

void ActivationRangeBar::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const int x = event->position().toPoint().x();
    const int extension = extensionAt(x);
    setCursorExtension(extension);
    m_pressPos = event->position().toPoint();
    m_moved = false;
    Drag grip = Drag::None;
    m_dragRange = rangeAt(x, &grip);
    if (m_dragRange) {
        m_drag = grip;
        return;
    }
    m_drag = Drag::Add;
    m_anchor = extension;
    m_ranges.append({extension, extension});
    m_dragRange = m_ranges.size() - 1;
    update();
}

void ActivationRangeBar::mouseMoveEvent(QMouseEvent* event) {
    if (m_drag == Drag::None || !m_dragRange)
        return;
    if ((event->position().toPoint() - m_pressPos).manhattanLength() >= kClickPixels)
        m_moved = true;
    if (!m_moved)
        return;
    const int extension = extensionAt(event->position().toPoint().x());
    NumberRange& range = m_ranges[*m_dragRange];
    switch (m_drag) {
    case Drag::Add: {
        const NumberRange gap = freeGapAround(m_anchor, *m_dragRange);
        const int end = std::clamp(extension, gap.startAt, gap.endAt);
        range = {std::min(m_anchor, end), std::max(m_anchor, end)};
        break;
    }
    case Drag::StartEdge:
        range.startAt = std::clamp(extension, freeGapAround(range.endAt, *m_dragRange).startAt, range.endAt);
        break;
    case Drag::EndEdge:
        range.endAt = std::clamp(extension, range.startAt, freeGapAround(range.startAt, *m_dragRange).endAt);
        break;
    case Drag::Body:
    case Drag::None:
        return;
    }
    setCursorExtension(extension);
    update();
}

void ActivationRangeBar::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || m_drag == Drag::None || !m_dragRange) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const Drag drag = std::exchange(m_drag, Drag::None);
    const qsizetype index = *std::exchange(m_dragRange, std::nullopt);
    if (drag == Drag::Body && m_moved)
        return; // ranges do not move as a whole: a drag that misses the edges changes nothing
    QList<NumberRange> ranges = m_ranges;
    if (drag != Drag::Add && !m_moved)
        ranges.removeAt(index); // a click on a range, edges included, removes it
    commit(ranges);
}

void ActivationRangeBar::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
    case Qt::Key_Left:
        setCursorExtension(m_cursor - 1);
        break;
    case Qt::Key_Right:
        setCursorExtension(m_cursor + 1);
        break;
    case Qt::Key_PageDown:
        setCursorExtension(m_cursor - kPageStep);
        break;
    case Qt::Key_PageUp:
        setCursorExtension(m_cursor + kPageStep);
        break;
    case Qt::Key_Home:
        setCursorExtension(m_block.startAt);
        break;
    case Qt::Key_End:
        setCursorExtension(m_block.endAt);
        break;
    case Qt::Key_Space:
        toggle(m_cursor);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void ActivationRangeBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        updateAccessibleText();
    QWidget::changeEvent(event);
}

void ActivationRangeBar::setCursorExtension(int extension) {
    m_cursor = std::clamp(extension, m_block.startAt, m_block.endAt);
    updateAccessibleText();
    update();
}

void ActivationRangeBar::toggle(int extension) {
    QList<NumberRange> ranges;
    bool wasActive = false;
    for (const NumberRange& range : std::as_const(m_ranges)) {
        if (!range.contains(extension)) {
            ranges.append(range);
            continue;
        }
        wasActive = true; // split around the extension
        if (range.startAt < extension)
            ranges.append({range.startAt, extension - 1});
        if (extension < range.endAt)
            ranges.append({extension + 1, range.endAt});
    }
    if (!wasActive)
        ranges.append({extension, extension});
    commit(ranges);
}

void ActivationRangeBar::commit(const QList<NumberRange>& ranges) {
    m_ranges = merged(ranges);
    updateAccessibleText();
    update();
    emit rangesEdited(m_ranges);
}

void ActivationRangeBar::updateAccessibleText() {
    setAccessibleName(tr("Activation ranges"));
    const QString active = m_ranges.isEmpty() ? tr("none") : rangesText(m_ranges);
    setAccessibleDescription(tr("Extensions %1 to %2. Active: %3. Cursor on %4; Space switches it on or off.")
                                 .arg(m_block.startAt)
                                 .arg(m_block.endAt)
                                 .arg(active)
                                 .arg(m_cursor));
    setToolTip(tr("Drag over empty space to add a range, drag an edge to resize it, click a range to remove "
                  "it. Arrow keys and Space work too."));
}

} // namespace trunkline::gui
