-- End-to-end check of `jiaodui lsp` in a real Neovim (0.7+), headless. Run by
-- Tests/JiaoduiCLITests/NeovimTests.swift:
--
--   JIAODUI_BIN=/path/to/jiaodui JIAODUI_FILE=page.txt JIAODUI_OUT=report.json \
--     nvim --headless --clean -n -i NONE -c "luafile Tests/Fixtures/editors/nvim-e2e.lua"
--
-- The client is started by the README's Neovim recipe, copied verbatim between
-- the two marker lines below (NeovimTests checks that the README still holds
-- that block). The recipe runs `jiaodui` from PATH, so JIAODUI_BIN's directory
-- is put first on PATH. Then: open the file (FileType fires the recipe), wait
-- for diagnostics, ask for code actions at the duplicate-phrase diagnostic the
-- way `vim.lsp.buf.code_action()` does, apply its quick fix with Neovim's own
-- workspace-edit code, wait until the server drops the diagnostic, stop the
-- client and write what happened as JSON to JIAODUI_OUT. Always quits.

local report = { errors = {}, diagnostics = {}, raw_duplicate_ranges = {} }
local out = os.getenv('JIAODUI_OUT') or 'nvim-e2e.json'
local timeout = tonumber(os.getenv('JIAODUI_TIMEOUT_MS') or '') or 8000

local function fail(message) error(message, 0) end

-- What the recipe hands to vim.lsp.start_client, and how that server ends.
local real_start_client = vim.lsp.start_client
vim.lsp.start_client = function(config)
  report.start_config = { name = config.name, cmd = config.cmd, root_dir = config.root_dir }
  local on_init, on_exit = config.on_init, config.on_exit
  config.on_init = function(client, result)
    report.server_info = result.serverInfo or vim.NIL
    report.position_encoding = (result.capabilities or {}).positionEncoding or vim.NIL
    report.offset_encoding = client.offset_encoding
    if on_init then return on_init(client, result) end
  end
  config.on_exit = function(code, signal, id)
    report.exit_code, report.exit_signal = code, signal
    if on_exit then return on_exit(code, signal, id) end
  end
  local id = real_start_client(config)
  report.start_client_returned = id or vim.NIL
  return id
end

-- The raw LSP ranges of duplicate-phrase diagnostics, before Neovim converts them to bytes.
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  for _, d in ipairs((result or {}).diagnostics or {}) do
    if d.code == 'duplicate-phrase' then table.insert(report.raw_duplicate_ranges, d.range) end
  end
  return publish(err, result, ctx, config)
end

-- >>> README recipe (Neovim 0.7+)
local jiaodui_clients = {}
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'text', 'markdown' },
  callback = function(args)
    local root = vim.fn.getcwd()
    local id = jiaodui_clients[root]
    if id == nil or vim.lsp.client_is_stopped(id) then
      id = vim.lsp.start_client({
        name = 'jiaodui',
        cmd = { 'jiaodui', 'lsp' },
        root_dir = root,
      })
      jiaodui_clients[root] = id
    end
    if id then vim.lsp.buf_attach_client(args.buf, id) end
  end,
})
-- <<< README recipe

local function duplicates(bufnr, lnum)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == 'duplicate-phrase' and (lnum == nil or d.lnum == lnum) then table.insert(found, d) end
  end
  return found
end

local ok, err = pcall(function()
  local bin = os.getenv('JIAODUI_BIN') or fail('JIAODUI_BIN is not set')
  local file = os.getenv('JIAODUI_FILE') or fail('JIAODUI_FILE is not set')
  if vim.fn.executable(bin) ~= 1 then fail('JIAODUI_BIN is not an executable file: ' .. bin) end
  if vim.fn.fnamemodify(bin, ':t') ~= 'jiaodui' then fail('JIAODUI_BIN must be named jiaodui: ' .. bin) end
  vim.env.PATH = vim.fn.fnamemodify(bin, ':p:h') .. ':' .. (vim.env.PATH or '')
  report.exepath = vim.fn.exepath('jiaodui')
  if vim.loop.fs_realpath(report.exepath) ~= vim.loop.fs_realpath(bin) then
    fail('jiaodui on PATH is ' .. report.exepath .. ', not JIAODUI_BIN ' .. bin)
  end
  report.nvim_version = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  report.filetype = vim.bo[bufnr].filetype
  if report.start_client_returned == nil then
    fail('the recipe did not start a client (filetype ' .. report.filetype .. ')')
  end
  if report.start_client_returned == vim.NIL then
    fail('vim.lsp.start_client could not start ' .. vim.inspect(report.start_config.cmd))
  end
  -- The client joins the buffer's clients once the server has answered `initialize`.
  local function attached() return vim.lsp.buf_get_clients(bufnr)[report.start_client_returned] end
  vim.wait(timeout, function() return attached() ~= nil or report.exit_code ~= nil end, 20)
  local client = attached()
  if client == nil then
    fail('no initialized jiaodui client on the buffer within ' .. timeout .. ' ms (server exit code '
      .. tostring(report.exit_code) .. ', signal ' .. tostring(report.exit_signal) .. ')')
  end
  local client_id = client.id

  report.got_diagnostics = vim.wait(timeout, function() return #duplicates(bufnr) > 0 end, 20)
  vim.wait(300, function() return false end, 50) -- let a follow-up publish land
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local text = vim.NIL
    if d.end_lnum == d.lnum then
      local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1] or ''
      text = line:sub(d.col + 1, d.end_col)
    end
    table.insert(report.diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, text = text,
      code = d.code or vim.NIL, source = d.source or vim.NIL, severity = d.severity,
    })
  end
  local dup = duplicates(bufnr)[1]
  if dup == nil then fail('no duplicate-phrase diagnostic within ' .. timeout .. ' ms') end
  report.fixed_line = dup.lnum

  -- As `:lua vim.lsp.buf.code_action()` with the cursor on the diagnostic.
  vim.api.nvim_win_set_cursor(0, { dup.lnum + 1, dup.col })
  local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr) }
  local responses, request_err = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, timeout)
  if responses == nil then fail('textDocument/codeAction: ' .. tostring(request_err)) end
  local actions = {}
  for _, r in pairs(responses) do
    if r.error then fail('textDocument/codeAction error: ' .. vim.inspect(r.error)) end
    for _, a in ipairs(r.result or {}) do table.insert(actions, a) end
  end
  report.code_actions = {}
  local fix
  for _, a in ipairs(actions) do
    table.insert(report.code_actions, { title = a.title, kind = a.kind or vim.NIL,
      command = type(a.command) == 'string' and a.command or (a.command or {}).command or vim.NIL })
    if fix == nil and a.kind == 'quickfix' and a.edit then
      for _, d in ipairs(a.diagnostics or {}) do
        if d.code == 'duplicate-phrase' then fix = a end
      end
    end
  end
  if fix == nil then fail('no quickfix with an edit for the duplicate-phrase diagnostic') end
  report.applied_action = fix.title

  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  report.line_after_fix = vim.api.nvim_buf_get_lines(bufnr, dup.lnum, dup.lnum + 1, false)[1]
  report.duplicate_cleared = vim.wait(timeout, function() return #duplicates(bufnr, dup.lnum) == 0 end, 20)

  vim.lsp.stop_client(client_id)
  report.server_exited = vim.wait(timeout, function() return report.exit_code ~= nil end, 20)
end)
if not ok then table.insert(report.errors, tostring(err)) end

local f = io.open(out, 'w')
if f then
  f:write(vim.fn.json_encode(report))
  f:close()
end
vim.cmd('qall!')
