/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordRenderPanel: lays a device's faceplate out from the catalog as drawn items and hit rectangles, and a module's picture. */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cord-render-panel-private.h"

/* ---------------------------------------------------------------------- */
/* Text                                                                    */
/* ---------------------------------------------------------------------- */

void
_cord_render_panel_set_unhinted (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Hinted metrics would make the text jump as the panel zooms. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
}

PangoLayout *
_cord_render_panel_text_layout (PangoContext *context,
                                const char   *text,
                                double        size,
                                gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (desc);
  return layout;
}

static double
text_width (CordRenderPanel *self,
            const char      *text,
            double           size,
            gboolean         bold)
{
  g_autoptr(PangoLayout) layout = _cord_render_panel_text_layout (self->measure, text, size, bold);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/* ---------------------------------------------------------------------- */
/* Items and hits                                                          */
/* ---------------------------------------------------------------------- */

static const char *
keep (CordRenderPanel *self,
      const char      *str)
{
  return str != NULL ? g_string_chunk_insert_const (self->strings, str) : NULL;
}

static Item *
add_item (CordRenderPanel *self,
          ItemKind         kind,
          double           x,
          double           y,
          double           w,
          double           h)
{
  Item item = { 0 };

  item.kind = kind;
  graphene_rect_init (&item.r, (float) x, (float) y, (float) w, (float) h);
  g_array_append_val (self->items, item);
  return &g_array_index (self->items, Item, self->items->len - 1);
}

/* Text in the box @x, @y, @w, @h; shrunk until it fits @w when @w > 0. */
static void
add_text (CordRenderPanel *self,
          const char      *text,
          double           x,
          double           y,
          double           w,
          double           h,
          double           size,
          gboolean         bold,
          Ink              ink,
          int              align)
{
  Item *item;

  if (w > 0)
    {
      double natural = text_width (self, text, size, bold);

      if (natural > w)
        size = MAX (3.0, size * w / natural);
    }
  item = add_item (self, ITEM_TEXT, x, y, w, h);
  item->text = keep (self, text);
  item->size = size;
  item->bold = bold;
  item->ink = ink;
  item->align = align;
}

static void
add_hit (CordRenderPanel  *self,
         CordPanelHitKind  kind,
         const char       *id,
         guint             depth,
         double            x,
         double            y,
         double            w,
         double            h)
{
  CordPanelHit hit = { 0 };

  hit.kind = kind;
  hit.id = keep (self, id);
  hit.depth = depth;
  graphene_rect_init (&hit.rect, (float) x, (float) y, (float) w, (float) h);
  g_array_append_val (self->hits, hit);
}

/* ---------------------------------------------------------------------- */
/* Port groups                                                             */
/* ---------------------------------------------------------------------- */

/* Ports drawn side by side under one title. */
typedef struct {
  const char  *title;      /* printed above, or NULL */
  PortShape    shape;
  guint        count;      /* ports */
  guint        rows;       /* 1, or 2 with odd ports on top */
  CordPort   **ports;      /* @count ports of the device, or NULL in a picture */
  gboolean     numbers;    /* each port's number is printed by it */
  gboolean     short_numbers; /* only the last number: "7" for "0/1/7" */
  Ink          ink;
} Group;

static PortShape
shape_for (CordMedium  medium,
           const char *type)
{
  switch (medium)
    {
    case CORD_MEDIUM_COPPER:
      return SHAPE_RJ45;
    case CORD_MEDIUM_FIBER:
      return SHAPE_SFP;
    case CORD_MEDIUM_SERIAL:
      return SHAPE_SERIAL;
    case CORD_MEDIUM_ASYNC:
      return SHAPE_OCTAL;
    case CORD_MEDIUM_WIRELESS:
      return SHAPE_ANTENNA;
    case CORD_MEDIUM_CONSOLE:
      if (g_strcmp0 (type, "RS232") == 0)
        return SHAPE_DSUB;
      if (g_strcmp0 (type, "Auxiliary") == 0)
        return SHAPE_AUX;
      return SHAPE_CONSOLE;
    default:
      g_assert_not_reached ();
    }
}

static void
shape_size (PortShape  shape,
            double    *w,
            double    *h)
{
  switch (shape)
    {
    case SHAPE_RJ45:
    case SHAPE_CONSOLE:
    case SHAPE_AUX:
      *w = 16, *h = 13;
      break;
    case SHAPE_SFP:
      *w = 16, *h = 14;
      break;
    case SHAPE_SERIAL:
      *w = 24, *h = 11;
      break;
    case SHAPE_DSUB:
      *w = 30, *h = 14;
      break;
    case SHAPE_OCTAL:
      *w = 58, *h = 13;
      break;
    case SHAPE_ANTENNA:
      *w = 14, *h = 14;
      break;
    default:
      g_assert_not_reached ();
    }
}

/* An octal cable is one connector for all its ports. */
static guint
group_connectors (const Group *g)
{
  return g->shape == SHAPE_OCTAL ? 1 : g->count;
}

static guint
group_columns (const Group *g)
{
  guint n = group_connectors (g);

  return (n + g->rows - 1) / g->rows;
}

static double
column_x (const Group *g,
          guint        col)
{
  double sw, sh;

  shape_size (g->shape, &sw, &sh);
  return col * (sw + PORT_GAP) + (col / BLOCK_COLS) * PORT_GAP;
}

static void
measure_group (CordRenderPanel *self,
               const Group     *g,
               double          *w,
               double          *h)
{
  double sw, sh;
  guint cols = group_columns (g);

  shape_size (g->shape, &sw, &sh);
  *w = column_x (g, cols - 1) + sw;
  if (g->title != NULL)
    *w = MAX (*w, text_width (self, g->title, TEXT_TITLE, TRUE));
  *h = (g->title != NULL ? TITLE_H : 0) + g->rows * sh + (g->rows - 1) * PORT_ROW_GAP +
       (g->numbers ? g->rows * LABEL_H : 0);
}

/* What is printed by port @k of @g: "0/1", or "1" when short; @first
 * numbers the ports of a picture. */
static char *
port_number (const Group *g,
             guint        k)
{
  const char *name, *num, *slash;

  if (g->ports == NULL)
    return g_strdup_printf ("%u", k);
  name = g->ports[k]->name;
  num = g->ports[k]->type != NULL && g_str_has_prefix (name, g->ports[k]->type)
          ? name + strlen (g->ports[k]->type) : name;
  if (g->short_numbers && (slash = strrchr (num, '/')) != NULL)
    num = slash + 1;
  return g_strdup (num);
}

static void
place_group (CordRenderPanel *self,
             const Group     *g,
             double           x,
             double           y)
{
  double sw, sh, w, h;
  guint n = group_connectors (g);

  shape_size (g->shape, &sw, &sh);
  measure_group (self, g, &w, &h);
  if (g->title != NULL)
    {
      add_text (self, g->title, x, y, 0, TITLE_H, TEXT_TITLE, TRUE, g->ink, -1);
      y += TITLE_H;
    }
  if (g->numbers && g->rows == 2)
    y += LABEL_H;
  for (guint k = 0; k < n; k++)
    {
      guint col = g->rows == 2 ? k / 2 : k;
      guint row = g->rows == 2 ? k % 2 : 0;
      double px = x + column_x (g, col);
      double py = y + row * (sh + PORT_ROW_GAP);
      Item *port = add_item (self, ITEM_PORT, px, py, sw, sh);

      port->shape = g->shape;
      port->text = g->ports != NULL ? keep (self, g->ports[k]->name) : NULL;
      if (g->ports != NULL)
        add_hit (self, CORD_PANEL_HIT_PORT, g->ports[k]->name, 0, px, py, sw, sh);
      if (g->numbers)
        {
          g_autofree char *num = NULL;
          double ly = row == 0 && g->rows == 2 ? py - LABEL_H : py + sh;

          if (g->shape == SHAPE_OCTAL)
            {
              g_autofree char *a = port_number (g, 0);
              g_autofree char *b = port_number (g, g->count - 1);

              num = g_strdup_printf ("%s–%s", a, b);
            }
          else
            num = port_number (g, k);
          add_text (self, num, px - PORT_GAP / 2, ly, sw + PORT_GAP, LABEL_H, TEXT_PORT, FALSE,
                    g->ink, 0);
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Slots and modules                                                       */
/* ---------------------------------------------------------------------- */

static void
family_plate (const char *family,
              double     *w,
              double     *h)
{
  if (strcmp (family, "nm") == 0)
    *w = NM_W, *h = NM_H;
  else if (g_str_has_prefix (family, "pt-"))
    *w = BAY_W, *h = BAY_H;
  else
    *w = CARD_W, *h = CARD_H;
}

/* A slot is as big as the largest plate it takes. */
static void
slot_size (const CordSlotSpec *slot,
           double             *w,
           double             *h)
{
  *w = 0, *h = 0;
  for (guint i = 0; slot->accepts != NULL && slot->accepts[i] != NULL; i++)
    {
      double fw, fh;

      family_plate (slot->accepts[i], &fw, &fh);
      *w = MAX (*w, fw);
      *h = MAX (*h, fh);
    }
  if (*w == 0)
    family_plate ("", w, h);
}

/* "0/0  WIC · HWIC": what an empty slot's cover says. */
static char *
blank_label (const CordSlotSpec *slot)
{
  GString *label = g_string_new (slot->id);
  gboolean first = TRUE;

  for (guint i = 0; slot->accepts != NULL && slot->accepts[i] != NULL; i++)
    {
      g_autofree char *up = NULL;

      /* Packet Tracer's generic bays take only their own modules. */
      if (g_str_has_prefix (slot->accepts[i], "pt-"))
        continue;
      up = g_ascii_strup (slot->accepts[i], -1);
      g_string_append (label, first ? "  " : " · ");
      g_string_append (label, up);
      first = FALSE;
    }
  return g_string_free (label, FALSE);
}

/* The device's ports that the module in @slot brought, in module order. */
static GPtrArray *
module_ports (CordDevice *device,
              const char *slot)
{
  GPtrArray *ports = g_ptr_array_new ();

  for (guint i = 0; device != NULL && i < device->ports->len; i++)
    {
      CordPort *port = device->ports->pdata[i];

      if (port->slot != NULL && strcmp (port->slot, slot) == 0)
        g_ptr_array_add (ports, port);
    }
  return ports;
}

static void place_slot (CordRenderPanel    *self,
                        const CordSlotSpec *slot,
                        guint               depth,
                        double              x,
                        double              y,
                        double              w,
                        double              h);

static void
place_plate (CordRenderPanel      *self,
             const CordModuleSpec *module,
             const char           *slot,
             guint                 depth,
             double                x,
             double                y,
             double                w,
             double                h)
{
  g_autoptr(GPtrArray) ports = module_ports (self->device, slot != NULL ? slot : "");
  gboolean have_ports = self->device != NULL && slot != NULL;
  double cx = x + SCREW_W, cy = y + PLATE_TOP;
  double cw = w - 2 * SCREW_W, ch = h - PLATE_TOP - 3;
  double total = 0;
  guint offset = 0;
  g_autofree Group *groups = NULL;
  Item *plate = add_item (self, ITEM_PLATE, x, y, w, h);

  plate->module = module;
  plate->text = keep (self, slot);
  add_text (self, module->name, cx, y + 2, cw, PLATE_TOP - 2, TEXT_PLATE, TRUE, INK_PLATE, -1);

  /* Ports first, then the module's own bays, left to right, centred. */
  groups = g_new0 (Group, module->n_ports + 1);
  for (guint p = 0; p < module->n_ports; p++)
    {
      const CordModulePorts *mp = &module->ports[p];
      Group *g = &groups[p];
      double gw, gh;

      g->shape = shape_for (mp->medium, mp->type);
      g->count = mp->count;
      g->rows = mp->count > 8 ? 2 : 1;
      g->numbers = TRUE;
      g->ink = INK_PLATE;
      if (have_ports && offset + mp->count <= ports->len)
        g->ports = (CordPort **) ports->pdata + offset;
      offset += mp->count;
      measure_group (self, g, &gw, &gh);
      total += (p > 0 ? PLATE_GAP : 0) + gw;
    }
  total += module->n_slots * (SUB_W + (total > 0 ? PLATE_GAP : 0));
  cx += MAX (0, (cw - total) / 2);
  for (guint p = 0; p < module->n_ports; p++)
    {
      double gw, gh;

      measure_group (self, &groups[p], &gw, &gh);
      place_group (self, &groups[p], cx, cy + (ch - gh) / 2);
      cx += gw + PLATE_GAP;
    }
  for (guint s = 0; s < module->n_slots; s++)
    {
      double sh = MIN (SUB_H, ch);

      place_slot (self, &module->slots[s], depth + 1, cx, cy + (ch - sh) / 2, SUB_W, sh);
      cx += SUB_W + PLATE_GAP;
    }
}

static void
place_slot (CordRenderPanel    *self,
            const CordSlotSpec *slot,
            guint               depth,
            double              x,
            double              y,
            double              w,
            double              h)
{
  const CordInstalledModule *installed =
    self->device != NULL ? cord_device_get_module (self->device, slot->id) : NULL;

  if (self->device != NULL)
    add_hit (self, CORD_PANEL_HIT_SLOT, slot->id, depth, x, y, w, h);
  if (installed != NULL)
    place_plate (self, installed->module, slot->id, depth, x, y, w, h);
  else
    {
      g_autofree char *label = blank_label (slot);
      Item *blank = add_item (self, ITEM_BLANK, x, y, w, h);

      blank->text = keep (self, slot->id);
      add_text (self, label, x + SCREW_W, y + (h - 10) / 2, w - 2 * SCREW_W, 10, TEXT_TITLE,
                TRUE, INK_BLANK, 0);
    }
}

/* ---------------------------------------------------------------------- */
/* The chassis                                                             */
/* ---------------------------------------------------------------------- */

typedef enum {
  BLOCK_GROUP,
  BLOCK_SLOT,
  BLOCK_POWER,
  BLOCK_GRILLE,
} BlockKind;

typedef struct {
  BlockKind           kind;
  guint               row;
  gboolean            right;    /* pushed to the right end of its row */
  Group               group;
  const CordSlotSpec *slot;
  double              w, h;
} Block;

static void
add_block (GArray             *blocks,
           CordRenderPanel    *self,
           BlockKind           kind,
           guint               row,
           const Group        *group,
           const CordSlotSpec *slot)
{
  Block b = { 0 };

  b.kind = kind;
  b.row = row;
  switch (kind)
    {
    case BLOCK_GROUP:
      b.group = *group;
      measure_group (self, group, &b.w, &b.h);
      break;
    case BLOCK_SLOT:
      b.slot = slot;
      slot_size (slot, &b.w, &b.h);
      break;
    case BLOCK_POWER:
      b.right = TRUE;
      b.w = POWER_W, b.h = POWER_H;
      break;
    case BLOCK_GRILLE:
      b.w = 0, b.h = GRILLE_H;   /* as wide as the content */
      break;
    default:
      g_assert_not_reached ();
    }
  g_array_append_val (blocks, b);
}

static const char *
group_title (const CordPort *port)
{
  if (strcmp (port->type, "Console") == 0)
    return _("CONSOLE");
  if (strcmp (port->type, "Auxiliary") == 0)
    return _("AUX");
  if (strcmp (port->type, "RS232") == 0)
    return _("RS 232");
  return port->type;
}

/* The device's built-in ports, grouped by type and medium as a faceplate
 * groups them, each group one block on @row. */
static void
add_builtin_groups (CordRenderPanel *self,
                    GArray          *blocks,
                    guint            row)
{
  GPtrArray *ports = self->device->ports;
  guint i = 0;

  while (i < ports->len && ((CordPort *) ports->pdata[i])->slot == NULL)
    {
      CordPort *first = ports->pdata[i];
      Group g = { 0 };
      guint n = 1;

      while (i + n < ports->len)
        {
          CordPort *next = ports->pdata[i + n];

          if (next->slot != NULL || next->medium != first->medium ||
              strcmp (next->type, first->type) != 0)
            break;
          n++;
        }
      g.title = group_title (first);
      g.shape = shape_for (first->medium, first->type);
      g.count = n;
      g.rows = n > 8 ? 2 : 1;
      g.ports = (CordPort **) ports->pdata + i;
      g.numbers = g.shape != SHAPE_CONSOLE && g.shape != SHAPE_AUX && g.shape != SHAPE_DSUB;
      g.short_numbers = g.rows == 2;
      g.ink = INK_BODY;
      add_block (blocks, self, BLOCK_GROUP, row, &g, NULL);
      i += n;
    }
}

/* Slots of one size go in rows: four cards, one network module or five
 * generic bays to a row. */
static guint
add_slot_rows (CordRenderPanel *self,
               GArray          *blocks,
               guint            row)
{
  const CordModelSpec *model = self->device->model;
  double last_w = -1;
  guint in_row = 0;

  for (guint s = 0; s < model->n_slots; s++)
    {
      double w, h;
      guint max;

      slot_size (&model->slots[s], &w, &h);
      max = w >= NM_W ? 1 : w >= CARD_W ? 4 : 5;
      if (in_row > 0 && (w != last_w || in_row == max))
        {
          row++;
          in_row = 0;
        }
      add_block (blocks, self, BLOCK_SLOT, row, NULL, &model->slots[s]);
      last_w = w;
      in_row++;
    }
  return model->n_slots > 0 ? row + 1 : row;
}

static void
choose_body (CordRenderPanel *self)
{
  switch (self->device->model->kind)
    {
    case CORD_KIND_ROUTER:
      self->body = BODY_RACK;
      self->body_rgb = (RenderRgb) { 0.300, 0.345, 0.410 };
      break;
    case CORD_KIND_SWITCH:
      self->body = BODY_RACK;
      self->body_rgb = (RenderRgb) { 0.200, 0.375, 0.545 };
      break;
    case CORD_KIND_L3SWITCH:
      self->body = BODY_RACK;
      self->body_rgb = (RenderRgb) { 0.290, 0.250, 0.420 };
      break;
    case CORD_KIND_BRIDGE:
      self->body = BODY_RACK;
      self->body_rgb = (RenderRgb) { 0.170, 0.400, 0.360 };
      break;
    case CORD_KIND_HUB:
      self->body = BODY_RACK;
      self->body_rgb = (RenderRgb) { 0.360, 0.360, 0.385 };
      break;
    case CORD_KIND_PC:
      self->body = BODY_TOWER;
      self->body_rgb = (RenderRgb) { 0.835, 0.830, 0.810 };
      self->body_light = TRUE;
      break;
    case CORD_KIND_SERVER:
      self->body = BODY_TOWER;
      self->body_rgb = (RenderRgb) { 0.215, 0.225, 0.255 };
      break;
    case CORD_KIND_LAPTOP:
      self->body = BODY_LAPTOP;
      self->body_rgb = (RenderRgb) { 0.255, 0.265, 0.290 };
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
layout_device (CordRenderPanel *self)
{
  g_autoptr(GArray) blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  gboolean tower = self->body == BODY_TOWER;
  double side = self->body == BODY_RACK ? EAR : 0;
  double content_w, x0, y;
  guint n_rows, row = 0;

  if (tower)
    {
      /* Power and vents at the top of the back, then the connectors, then
       * the expansion bays. */
      add_block (blocks, self, BLOCK_POWER, row++, NULL, NULL);
      add_block (blocks, self, BLOCK_GRILLE, row++, NULL, NULL);
      add_builtin_groups (self, blocks, row);
      if (blocks->len > 2)
        row++;
      for (guint s = 0; s < self->device->model->n_slots; s++)
        add_block (blocks, self, BLOCK_SLOT, row++, NULL, &self->device->model->slots[s]);
    }
  else
    {
      row = add_slot_rows (self, blocks, row);
      add_builtin_groups (self, blocks, row);
      add_block (blocks, self, BLOCK_POWER, row++, NULL, NULL);
    }
  n_rows = row;

  /* The content is as wide as its widest row. */
  content_w = tower ? TOWER_W : MIN_CONTENT;
  content_w = MAX (content_w, text_width (self, self->device->model->name, TEXT_MODEL, TRUE));
  for (guint r = 0; r < n_rows; r++)
    {
      double w = 0;
      guint n = 0;

      for (guint i = 0; i < blocks->len; i++)
        {
          Block *b = &g_array_index (blocks, Block, i);

          if (b->row == r)
            w += (n++ > 0 ? BLOCK_GAP : 0) + b->w;
        }
      content_w = MAX (content_w, w);
    }

  x0 = side + PAD;
  y = PAD;
  add_item (self, ITEM_CHASSIS, 0, 0, 0, 0);   /* sized below */
  add_text (self, self->device->model->name, x0, y - 2, 0, HEADER, TEXT_MODEL, TRUE, INK_BODY, -1);
  y += HEADER;
  for (guint r = 0; r < n_rows; r++)
    {
      double row_h = 0, row_w = 0, x;
      guint n = 0;

      for (guint i = 0; i < blocks->len; i++)
        {
          Block *b = &g_array_index (blocks, Block, i);

          if (b->row != r)
            continue;
          row_h = MAX (row_h, b->h);
          if (!b->right)
            row_w += (n++ > 0 ? BLOCK_GAP : 0) + (b->w > 0 ? b->w : content_w);
        }
      x = tower ? x0 + (content_w - row_w) / 2 : x0;
      for (guint i = 0; i < blocks->len; i++)
        {
          Block *b = &g_array_index (blocks, Block, i);
          double bx, by;

          if (b->row != r)
            continue;
          bx = b->right ? x0 + content_w - b->w : x;
          by = y + (row_h - b->h) / 2;
          switch (b->kind)
            {
            case BLOCK_GROUP:
              /* Ports sit on the bottom line, under their titles. */
              place_group (self, &b->group, bx, y + row_h - b->h);
              break;
            case BLOCK_SLOT:
              place_slot (self, b->slot, 0, bx, by, b->w, b->h);
              break;
            case BLOCK_POWER:
              {
                add_item (self, ITEM_POWER, bx, by, b->w, b->h);
                add_hit (self, CORD_PANEL_HIT_POWER, NULL, 0, bx, by, b->w, b->h);
                graphene_point_init (&self->led, (float) (bx + 44), (float) (by + 14));
              }
              break;
            case BLOCK_GRILLE:
              add_item (self, ITEM_GRILLE, x0, by, content_w, b->h);
              break;
            default:
              g_assert_not_reached ();
            }
          if (!b->right)
            x += b->w + BLOCK_GAP;
        }
      y += row_h + (r + 1 < n_rows ? ROW_GAP : 0);
    }

  self->width = content_w + 2 * PAD + 2 * side;
  self->height = y + PAD;
  graphene_rect_init (&g_array_index (self->items, Item, 0).r, 0, 0,
                      (float) self->width, (float) self->height);
}

static CordRenderPanel *
panel_new (CordDevice *device)
{
  CordRenderPanel *self = g_new0 (CordRenderPanel, 1);

  self->device = device;
  self->strings = g_string_chunk_new (256);
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  self->hits = g_array_new (FALSE, TRUE, sizeof (CordPanelHit));
  self->measure = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  _cord_render_panel_set_unhinted (self->measure);
  return self;
}

CordRenderPanel *
cord_render_panel_new (CordDevice *device)
{
  CordRenderPanel *self;

  g_return_val_if_fail (device != NULL, NULL);

  self = panel_new (device);
  choose_body (self);
  layout_device (self);
  g_clear_object (&self->measure);
  return self;
}

void
cord_render_panel_free (CordRenderPanel *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->measure);
  g_array_unref (self->items);
  g_array_unref (self->hits);
  g_string_chunk_free (self->strings);
  g_free (self);
}

CordDevice *
cord_render_panel_get_device (CordRenderPanel *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->device;
}

void
cord_render_panel_get_size (CordRenderPanel *self,
                            double          *width,
                            double          *height)
{
  g_return_if_fail (self != NULL);

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

guint
cord_render_panel_get_n_hits (CordRenderPanel *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->hits->len;
}

const CordPanelHit *
cord_render_panel_get_hit (CordRenderPanel *self,
                           guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->hits->len, NULL);
  return &g_array_index (self->hits, CordPanelHit, index);
}

const CordPanelHit *
cord_render_panel_hit_test (CordRenderPanel *self,
                            double           x,
                            double           y)
{
  const CordPanelHit *best = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  /* Later hits lie on top: a module's ports and bays follow its slot. */
  for (guint i = 0; i < self->hits->len; i++)
    {
      const CordPanelHit *hit = &g_array_index (self->hits, CordPanelHit, i);

      if (graphene_rect_contains_point (&hit->rect, &GRAPHENE_POINT_INIT ((float) x, (float) y)))
        best = hit;
    }
  return best;
}

const CordPanelHit *
cord_render_panel_find_slot (CordRenderPanel *self,
                             const char      *slot)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (slot != NULL, NULL);

  for (guint i = 0; i < self->hits->len; i++)
    {
      const CordPanelHit *hit = &g_array_index (self->hits, CordPanelHit, i);

      if (hit->kind == CORD_PANEL_HIT_SLOT && strcmp (hit->id, slot) == 0)
        return hit;
    }
  return NULL;
}

void
cord_render_panel_get_led (CordRenderPanel  *self,
                           graphene_point_t *centre)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (centre != NULL);
  *centre = self->led;
}

void
cord_render_module_picture (cairo_t              *cr,
                            const CordModuleSpec *module,
                            double                width,
                            double                height)
{
  CordRenderPanel *self;
  double pw, ph, scale;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (module != NULL);

  family_plate (module->family, &pw, &ph);
  scale = MIN (width / pw, height / ph);
  self = panel_new (NULL);
  place_plate (self, module, NULL, 0, 0, 0, pw, ph);
  g_clear_object (&self->measure);
  cairo_save (cr);
  cairo_translate (cr, (width - pw * scale) / 2, (height - ph * scale) / 2);
  cairo_scale (cr, scale, scale);
  _cord_render_panel_paint (self, cr);
  cairo_restore (cr);
  cord_render_panel_free (self);
}
